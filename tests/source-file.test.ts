import '../lib/polyfill.js';
import test from 'ava';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFully, SYNC_READ_BYTES } from '../lib/store/hasher.js';
import { openSourceFile } from '../lib/store/source-file.js';

async function dir(t: { teardown(fn: () => Promise<void>): void }): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'doppel-srcfile-'));
  t.teardown(() => rm(d, { recursive: true, force: true }));
  return d;
}

// Both ways of opening: small reads (sync calls) and large ones (the thread pool).
for (const [kind, bytes] of [['small', 10_000], ['large', SYNC_READ_BYTES + 4096]] as const) {
  test(`a ${kind} file reads back its ranges, short only at the end`, async (t) => {
    const d = await dir(t);
    const data = randomBytes(bytes);
    await writeFile(join(d, 'f'), data);
    const f = await openSourceFile(join(d, 'f'), bytes);
    try {
      const buf = Buffer.alloc(4096);
      t.is(await readFully(f, buf, 4096, 4096), 4096);
      t.true(buf.equals(data.subarray(4096, 8192)));
      t.is(await readFully(f, buf, 4096, bytes - 100), 100, 'fewer bytes past the end');
    } finally {
      await f.close();
    }
  });

  test(`a ${kind} file swapped for a symlink is refused, never read through`, async (t) => {
    const d = await dir(t);
    await writeFile(join(d, 'secret'), randomBytes(bytes));
    await symlink(join(d, 'secret'), join(d, 'f'));
    await t.throwsAsync(openSourceFile(join(d, 'f'), bytes), { code: 'ELOOP' });
  });
}
