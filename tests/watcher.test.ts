import '../lib/polyfill.js';
import test from 'ava';
import { mkdir, mkdtemp, rename, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { explainWatchError, watchTree, WatchLimitError, type TreeWatch } from '../lib/store/watcher.js';

// Collects reported paths and resolves when all expected ones arrived, or fails after a deadline.
function recorder() {
  const seen = new Set<string>();
  let waiter: { want: string[]; resolve(): void } | undefined;
  return {
    seen,
    onChange(paths: string[]) {
      for (const p of paths) seen.add(p);
      if (waiter && waiter.want.every((w) => seen.has(w))) waiter.resolve();
    },
    async waitFor(want: string[], timeoutMs = 3000): Promise<number> {
      const start = performance.now();
      if (!want.every((w) => seen.has(w))) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`timed out waiting for ${want.join(', ')}; saw ${[...seen].join(', ')}`)), timeoutMs);
          waiter = { want, resolve: () => { clearTimeout(timer); resolve(); } };
        });
      }
      waiter = undefined;
      return performance.now() - start;
    },
  };
}

async function setup(t: { teardown(fn: () => Promise<void>): void }, single?: string) {
  const dir = await mkdtemp(join(tmpdir(), 'doppel-watch-'));
  const rec = recorder();
  const errors: Error[] = [];
  if (single) await writeFile(join(dir, single), 'v1');
  const watch: TreeWatch = await watchTree(single ? join(dir, single) : dir, { onChange: rec.onChange, onError: (e) => errors.push(e) });
  t.teardown(async () => { await watch.close(); await rm(dir, { recursive: true, force: true }); });
  return { dir, rec, errors };
}

test('create, modify, rename and delete in a tree are reported as relative paths', async (t) => {
  const { dir, rec, errors } = await setup(t);
  await mkdir(join(dir, 'sub'));
  await writeFile(join(dir, 'sub/a.txt'), 'one');
  await rec.waitFor(['sub', 'sub/a.txt']);
  rec.seen.clear();
  await appendFile(join(dir, 'sub/a.txt'), 'two');
  await rec.waitFor(['sub/a.txt']);
  rec.seen.clear();
  await rename(join(dir, 'sub/a.txt'), join(dir, 'b.txt'));
  await rec.waitFor(['sub/a.txt', 'b.txt']);
  rec.seen.clear();
  await rm(join(dir, 'b.txt'));
  await rec.waitFor(['b.txt']);
  t.deepEqual(errors, []);
});

test("doppel's internal directory is never reported", async (t) => {
  const { dir, rec } = await setup(t);
  await mkdir(join(dir, '.doppel'));
  await writeFile(join(dir, '.doppel/journal'), 'x');
  await writeFile(join(dir, 'marker'), 'x');
  await rec.waitFor(['marker']);
  // Give the internal events every chance to arrive after the marker.
  await new Promise((r) => setTimeout(r, 150));
  t.false([...rec.seen].some((p) => p.includes('.doppel')), [...rec.seen].join(', '));
});

test('a small write is reported quickly', async (t) => {
  const { dir, rec } = await setup(t);
  const latencies: number[] = [];
  for (let i = 0; i < 10; i++) {
    // Let the native batcher go idle, as between ordinary edits.
    await new Promise((r) => setTimeout(r, 600));
    rec.seen.clear();
    const start = performance.now();
    await writeFile(join(dir, `f${i}`), 'x');
    await rec.waitFor([`f${i}`]);
    latencies.push(performance.now() - start);
  }
  latencies.sort((a, b) => a - b);
  const median = latencies[5]!;
  t.log(`event latency ms: median ${median.toFixed(1)}, max ${latencies[9]!.toFixed(1)}`);
  t.true(median < 50, `median ${median}`);
});

test('a single-file root is watched through its directory, including replacement by rename', async (t) => {
  const { dir, rec, errors } = await setup(t, 'disk.img');
  await writeFile(join(dir, 'other'), 'ignored');
  await appendFile(join(dir, 'disk.img'), 'v2');
  await rec.waitFor(['']);
  rec.seen.clear();
  await writeFile(join(dir, 'disk.img.tmp'), 'v3');
  await rename(join(dir, 'disk.img.tmp'), join(dir, 'disk.img'));
  await rec.waitFor(['']);
  t.deepEqual([...rec.seen], ['']);
  t.deepEqual(errors, []);
});

test('inotify limits are explained with the sysctl to raise', (t) => {
  const err = explainWatchError('/srv', new Error("inotify_add_watch on '/srv/x' failed: No space left on device"));
  t.true(err instanceof WatchLimitError);
  t.regex(err.message, /fs\.inotify\.max_user_watches/);
  t.regex(err.message, /sysctl/);
});

test('watching a missing root fails with a clear error', async (t) => {
  await t.throwsAsync(watchTree(join(tmpdir(), 'doppel-no-such-dir'), { onChange() {}, onError() {} }), { name: 'WatchError', message: /falls back to periodic rescans/ });
});

test('out of descriptors, watching fails with a clear error instead of blocking the process', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'doppel-watch-emfile-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  // The native watcher, asked to subscribe with no descriptor left, never returns (the whole event
  // loop stops): run it in a child that exhausts its own descriptors first.
  const script = `
    import { openSync } from 'node:fs';
    const { watchTree } = await import(${JSON.stringify(resolve('dist/lib/store/watcher.js'))});
    const fds = [];
    try { for (;;) fds.push(openSync('/dev/null', 'r')); } catch {}
    try { await watchTree(${JSON.stringify(dir)}, { onChange() {}, onError() {} }); console.log('watching'); }
    catch (err) { console.log(err.name + ': ' + err.message); }
    process.exit(0);`;
  const child = spawnSync('/bin/sh', ['-c', 'ulimit -n 64 && exec "$0" --input-type=module -e "$1"', process.execPath, script], { timeout: 15_000, encoding: 'utf8' });
  t.is(child.signal, null, 'the child finished on its own');
  t.regex(child.stdout, /WatchLimitError: cannot watch .*ran out of open files \(EMFILE/);
});
