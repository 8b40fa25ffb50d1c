import '../lib/polyfill.js';
import test from 'ava';
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HotFiles } from '../lib/store/hot-files.js';
import { waitUntil } from './helpers/tree.js';

test('a hot file reports each change at once, and the least recent one makes room', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'doppel-hot-'));
  t.teardown(() => rm(root, { recursive: true, force: true }));
  for (const name of ['a', 'b', 'c']) await writeFile(join(root, name), 'x');
  const seen: string[] = [];
  const hot = new HotFiles(root, (p) => seen.push(p), 2);
  t.teardown(() => hot.close());
  hot.touch('a');
  hot.touch('b');
  const started = Date.now();
  await appendFile(join(root, 'a'), 'more');
  t.true(await waitUntil(() => seen.includes('a'), 2000, 2), 'a change to a hot file is reported');
  t.true(Date.now() - started < 1000);
  hot.touch('c'); // evicts 'a', the least recently touched
  seen.length = 0;
  await appendFile(join(root, 'a'), 'again');
  await appendFile(join(root, 'c'), 'again');
  t.true(await waitUntil(() => seen.includes('c'), 2000, 2));
  await new Promise((r) => setTimeout(r, 100));
  t.false(seen.includes('a'), 'an evicted file is no longer watched directly');
  hot.touch('gone-already'); // a path that vanished is ignored, not thrown
  t.pass();
});
