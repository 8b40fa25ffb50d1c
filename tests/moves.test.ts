import '../lib/polyfill.js';
import test from 'ava';
import { holdForMoves, moveCandidates, MOVE_GRACE_MS, MOVE_MIN_BYTES, type ChangedPath } from '../lib/core/moves.js';
import type { TargetView, TreeEntry } from '../lib/core/plan.js';

const gone = (path: string, since: number): ChangedPath => ({ path, since, present: false, onTarget: true, paired: false });

const holds: Array<{ name: string; changed: ChangedPath[]; now: number; held: string[]; waitMs: number | null }> = [
  { name: 'nothing changed holds nothing', changed: [], now: 1000, held: [], waitMs: null },
  { name: 'a path vanished just now waits the whole grace', changed: [gone('a', 1000)], now: 1000, held: ['a'], waitMs: MOVE_GRACE_MS },
  { name: 'it waits only what is left of the grace', changed: [gone('a', 1000)], now: 1100, held: ['a'], waitMs: MOVE_GRACE_MS - 100 },
  { name: 'once the grace is over the removal goes out', changed: [gone('a', 1000)], now: 1000 + MOVE_GRACE_MS, held: [], waitMs: null },
  { name: 'a path still here is sent, not held', changed: [{ ...gone('a', 1000), present: true }], now: 1000, held: [], waitMs: null },
  { name: 'a path the target never had has nothing to remove', changed: [{ ...gone('a', 1000), onTarget: false }], now: 1000, held: [], waitMs: null },
  { name: 'the old end of a move already paired is not held', changed: [{ ...gone('a', 1000), paired: true }], now: 1000, held: [], waitMs: null },
  { name: 'several held: the wait ends with the oldest one\'s grace', changed: [gone('a', 1000), gone('b', 950), gone('c', 800)], now: 1000, held: ['a', 'b'], waitMs: MOVE_GRACE_MS - 50 },
];

for (const c of holds) {
  test(`holdForMoves: ${c.name}`, (t) => {
    t.deepEqual(holdForMoves(c.changed, c.now), { held: c.held, waitMs: c.waitMs });
  });
}

const BIG = MOVE_MIN_BYTES;
const file = (path: string, content: number, size = BIG): TreeEntry => ({ path, type: 'file', size, mode: 0o644, mtimeMs: 1, hashes: new Uint8Array(8).fill(content) });
const view = (...entries: TreeEntry[]): TargetView => ({ entries: new Map(entries.map((e) => [e.path, e])), staged: new Map() });

const candidates: Array<{ name: string; source: Array<[string, TreeEntry | null]>; target: TargetView; want: string[][] }> = [
  { name: 'a new file with a twin on the target that is not known here', source: [['new', file('new', 1)]], target: view(file('old', 1)), want: [['old']] },
  { name: 'a twin known to be here is a copy, not a move', source: [['new', file('new', 1)], ['old', file('old', 1)]], target: view(file('old', 1)), want: [[]] },
  { name: 'a twin known gone is still a candidate', source: [['new', file('new', 1)], ['old', null]], target: view(file('old', 1)), want: [['old']] },
  { name: 'different content is no twin', source: [['new', file('new', 1)]], target: view(file('old', 2)), want: [[]] },
  { name: 'a file the target already has at its path is not new', source: [['same', file('same', 1)]], target: view(file('same', 1), file('old', 1)), want: [] },
  { name: 'small files are resent rather than looked for', source: [['new', file('new', 1, BIG - 1)]], target: view(file('old', 1, BIG - 1)), want: [] },
  { name: 'every twin is offered, in the target\'s order', source: [['new', file('new', 1)]], target: view(file('x', 1), file('y', 1)), want: [['x', 'y']] },
];

for (const c of candidates) {
  test(`moveCandidates: ${c.name}`, (t) => {
    t.deepEqual(moveCandidates(new Map(c.source), c.target), c.want);
  });
}
