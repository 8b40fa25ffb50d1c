// The sender's flow window as a decision over plain numbers: how many bytes may be unacknowledged,
// and when a silent target counts as stalled. The caller passes the time in and does the waiting.

/** Unacknowledged bytes in flight; bounds memory on both sides whatever the file size. */
export const WINDOW_BYTES = 32 * 1024 * 1024;
/** No acknowledgement for this long while data is in flight: the session is dropped and resumed. */
export const STALL_MS = 20_000;

export interface Flow {
  /** Bytes put on the stream so far in this session. */
  sentBytes: number;
  /** Bytes the target has acknowledged receiving. */
  ackedBytes: number;
  /** When the acknowledged count last moved (or the wait began) (ms). */
  progressAt: number;
}

export interface FlowLimits {
  windowBytes: number;
  stallMs: number;
}

export const FLOW_LIMITS: FlowLimits = { windowBytes: WINDOW_BYTES, stallMs: STALL_MS };

/** open: send now. full: wait for an acknowledgement. stalled: give up on this session. */
export type FlowState = 'open' | 'full' | 'stalled';

export function flowState(flow: Flow, now: number, limits: FlowLimits = FLOW_LIMITS): FlowState {
  if (flow.sentBytes - flow.ackedBytes <= limits.windowBytes) return 'open';
  return now - flow.progressAt > limits.stallMs ? 'stalled' : 'full';
}
