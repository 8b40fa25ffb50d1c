import '../lib/polyfill.js';
import test from 'ava';
import { batchGenerationCheck, compareGenerations, FIRST_GENERATION, nextGeneration, type GenerationDecision, type GenerationSide } from '../lib/core/generation.js';

/** 'P2*' = primary at generation 2 that wrote since the sides parted; 'T1' = a target at generation 1. */
function side(text: string): GenerationSide {
  const m = /^([PT])(\d+)(\*?)$/.exec(text)!;
  return { generation: Number(m[2]), primary: m[1] === 'P', dirtySinceCommon: m[3] === '*' };
}

const compareCases: Array<{ name: string; local: string; remote: string; want: GenerationDecision }> = [
  { name: 'a source and its target at one generation are in sync', local: 'P1', remote: 'T1', want: 'in-sync' },
  { name: 'unsent writes on the source are plain replication, not divergence', local: 'P1*', remote: 'T1', want: 'in-sync' },
  { name: 'two targets of one generation (mid-switchover) are in sync', local: 'T3', remote: 'T3', want: 'in-sync' },
  { name: 'a promoted replica meeting its returning old source: the old source is stale', local: 'P2*', remote: 'P1', want: 'local-newer' },
  { name: 'the returning old source sees it must not act as source', local: 'P1', remote: 'P2*', want: 'remote-newer' },
  { name: 'a target behind its source is the stale one', local: 'T1', remote: 'P2', want: 'remote-newer' },
  { name: 'an old source with unsent writes yields to a promoted replica that has not written', local: 'P1*', remote: 'P2', want: 'remote-newer' },
  { name: 'both wrote since they parted: split brain, from either side', local: 'P1*', remote: 'P2*', want: 'split-brain' },
  { name: 'split brain seen from the newer side', local: 'P2*', remote: 'P1*', want: 'split-brain' },
  { name: 'two primaries of one generation: split brain', local: 'P2', remote: 'P2', want: 'split-brain' },
];

for (const c of compareCases) {
  test(`generation: ${c.name}`, (t) => {
    t.is(compareGenerations(side(c.local), side(c.remote)), c.want);
  });
}

test('generation: an unknown dirty flag counts as no divergence', (t) => {
  t.is(compareGenerations({ generation: 3, primary: true }, { generation: 2, primary: true, dirtySinceCommon: true }), 'local-newer');
});

const batchCases: Array<[batch: number, protection: number, want: ReturnType<typeof batchGenerationCheck>]> = [
  [1, 1, 'ok'],
  [7, 7, 'ok'],
  [1, 2, 'stale'],
  [2, 9, 'stale'],
  [3, 2, 'newer'],
];

for (const [batch, protection, want] of batchCases) {
  test(`generation: a batch at ${batch} for a protection at ${protection} is ${want}`, (t) => {
    t.is(batchGenerationCheck(batch, protection), want);
  });
}

test('generation: the next generation is one higher', (t) => {
  t.is(nextGeneration(FIRST_GENERATION), 2);
  t.is(nextGeneration(41), 42);
});

for (const bad of [0, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER]) {
  test(`generation: ${bad} has no next generation`, (t) => {
    t.throws(() => nextGeneration(bad), { instanceOf: RangeError });
  });
}
