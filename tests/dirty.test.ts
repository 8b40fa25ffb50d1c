import '../lib/polyfill.js';
import test from 'ava';
import { DirtyPaths } from '../lib/core/dirty.js';

/** Replays `script` ("mark a b @10", "take", "mark a @20", "settle") and returns what settle freed. */
function run(script: string[]): { fresh: string[][]; settled: string[][]; left: string[]; oldest: number | undefined } {
  const dirty = new DirtyPaths();
  let taken = dirty.take();
  const fresh: string[][] = [];
  const settled: string[][] = [];
  for (const line of script) {
    const [verb, ...args] = line.split(' ');
    if (verb === 'mark') {
      const at = Number(args.pop()!.slice(1));
      fresh.push(dirty.mark(args, at));
    } else if (verb === 'take') {
      taken = dirty.take();
    } else {
      settled.push(dirty.settle(taken));
    }
  }
  return { fresh, settled, left: [...dirty.paths()], oldest: dirty.oldestSince() };
}

const cases: Array<{ name: string; script: string[]; fresh?: string[][]; settled: string[][]; left: string[]; oldest: number | undefined }> = [
  { name: 'nothing marked: nothing to settle, no lag', script: ['settle'], settled: [[]], left: [], oldest: undefined },
  { name: 'a path marked, taken and settled is clean', script: ['mark a @10', 'take', 'settle'], settled: [['a']], left: [], oldest: undefined },
  { name: 'only newly dirty paths are returned to persist', script: ['mark a @10', 'mark a b @20'], fresh: [['a'], ['b']], settled: [], left: ['a', 'b'], oldest: 10 },
  { name: 'a path changed again during the send stays dirty', script: ['mark a b @10', 'take', 'mark a @20', 'settle'], settled: [['b']], left: ['a'], oldest: 10 },
  { name: 'a path first marked after the take is not settled', script: ['mark a @10', 'take', 'mark b @30', 'settle'], settled: [['a']], left: ['b'], oldest: 30 },
  { name: 'lag counts from the first change, not the latest', script: ['mark a @10', 'mark a @50', 'mark b @40'], settled: [], left: ['a', 'b'], oldest: 10 },
  { name: 'settling the same snapshot twice frees nothing more', script: ['mark a @10', 'take', 'settle', 'mark a @60', 'settle'], settled: [['a'], []], left: ['a'], oldest: 60 },
];

for (const c of cases) {
  test(`dirty: ${c.name}`, (t) => {
    const got = run(c.script);
    if (c.fresh !== undefined) t.deepEqual(got.fresh, c.fresh);
    t.deepEqual(got.settled, c.settled);
    t.deepEqual(got.left, c.left);
    t.is(got.oldest, c.oldest);
  });
}
