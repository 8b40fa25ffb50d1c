import '../lib/polyfill.js';
import test from 'ava';
import { flowState, type FlowState } from '../lib/core/flow.js';

const limits = { windowBytes: 100, stallMs: 1000 };

const cases: Array<{ name: string; sent: number; acked: number; progressAt: number; now: number; want: FlowState }> = [
  { name: 'nothing in flight: send', sent: 0, acked: 0, progressAt: 0, now: 0, want: 'open' },
  { name: 'a full window still sends', sent: 100, acked: 0, progressAt: 0, now: 0, want: 'open' },
  { name: 'past the window: wait for an ack', sent: 101, acked: 0, progressAt: 0, now: 500, want: 'full' },
  { name: 'an ack reopens the window', sent: 150, acked: 50, progressAt: 0, now: 500, want: 'open' },
  { name: 'silent for exactly the stall time: still waiting', sent: 200, acked: 0, progressAt: 0, now: 1000, want: 'full' },
  { name: 'silent past the stall time with data in flight: stalled', sent: 200, acked: 0, progressAt: 0, now: 1001, want: 'stalled' },
  { name: 'recent progress is no stall however long the session', sent: 200, acked: 50, progressAt: 9000, now: 9500, want: 'full' },
  { name: 'an idle sender with the window open is never stalled', sent: 50, acked: 0, progressAt: 0, now: 60_000, want: 'open' },
];

for (const c of cases) {
  test(`flow: ${c.name}`, (t) => {
    t.is(flowState({ sentBytes: c.sent, ackedBytes: c.acked, progressAt: c.progressAt }, c.now, limits), c.want);
  });
}
