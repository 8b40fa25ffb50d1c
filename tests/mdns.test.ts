// mDNS discovery, only inside a loopback-only network namespace this test creates: multicast on a
// real interface would leave the machine.
import '../lib/polyfill.js';
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, runCli } from './helpers/daemon.js';

function namespaceProblem(): string | undefined {
  const r = spawnSync('unshare', ['-rn', 'sh', '-c', 'ip link set lo up && ip -o link show lo'], { encoding: 'utf8', timeout: 10_000 });
  if (r.error !== undefined) return `unshare is not available (${r.error.message})`;
  if (r.status !== 0) return `cannot create a network namespace with \`unshare -rn\`: ${r.stderr.trim()}`;
  return undefined;
}

test('two peers with mDNS on discover each other as pending', async (t) => {
  const problem = namespaceProblem();
  if (problem !== undefined) {
    const message = `skipped: ${problem}; mDNS is only tested inside a private network namespace`;
    console.log(message);
    t.log(message);
    t.pass();
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'doppel-mdns-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const ids: Record<string, string> = {};
  for (const name of ['alpha', 'bravo']) {
    const r = await runCli(['init', '--name', name, '--listen', '/ip4/127.0.0.1/tcp/0', '--json', '--home', join(dir, name)]);
    t.is(r.code, 0, r.stderr);
    ids[name] = JSON.parse(r.stdout).peerId;
  }
  // Inside the namespace: start both daemons, poll `peers --json` (bounded), print the final
  // lists, stop both daemons by pid. The namespace disappears with the script.
  const script = join(dir, 'run.sh');
  writeFileSync(script, `
set -u
ip link set lo up
node=${JSON.stringify(process.execPath)}; cli=${JSON.stringify(CLI)}; dir=${JSON.stringify(dir)}
"$node" "$cli" up --home "$dir/alpha" 2>"$dir/alpha.log" & a=$!
"$node" "$cli" up --home "$dir/bravo" 2>"$dir/bravo.log" & b=$!
for i in $(seq 1 60); do
  pa=$("$node" "$cli" peers --json --home "$dir/alpha" 2>/dev/null || echo '[]')
  pb=$("$node" "$cli" peers --json --home "$dir/bravo" 2>/dev/null || echo '[]')
  case "$pa" in *${ids.bravo}*) case "$pb" in *${ids.alpha}*) break;; esac;; esac
  sleep 0.5
done
echo "$pa" > "$dir/alpha.json"; echo "$pb" > "$dir/bravo.json"
kill -TERM $a $b; wait $a $b
`);
  const r = spawnSync('unshare', ['-rn', 'bash', script], { encoding: 'utf8', timeout: 90_000 });
  t.is(r.status, 0, r.stderr);
  const { readFileSync } = await import('node:fs');
  const read = (name: string) => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Array<{ peerId: string; state: string }>;
  const logs = () => readFileSync(join(dir, 'alpha.log'), 'utf8') + readFileSync(join(dir, 'bravo.log'), 'utf8');
  t.like(read('alpha').find((p) => p.peerId === ids.bravo), { state: 'pending' }, logs());
  t.like(read('bravo').find((p) => p.peerId === ids.alpha), { state: 'pending' }, logs());
});
