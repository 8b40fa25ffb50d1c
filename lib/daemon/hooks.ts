// Runs a protection's hook commands at failover, failback, switchover and test failover.
// keepalived's notify scripts run asynchronously and can race or arrive out of order; here the hooks
// of one protection run one at a time in the order they were asked for, each numbered, bounded by a
// timeout and with its output kept. A failing hook is reported in its result, never thrown: the
// caller (a promotion in progress) decides what a failure means.
import { setTimeout as delay } from 'node:timers/promises';
import { DoppelError } from '../errors.js';
import type { Logger } from '../log.js';
import { runShellInGroup } from './hook-process.js';

export const HOOK_EVENTS = ['failover', 'failback', 'switchover', 'test-failover'] as const;
export type HookEvent = (typeof HOOK_EVENTS)[number];

export const DEFAULT_HOOK_TIMEOUT_MS = 60_000;
/** Between SIGTERM and SIGKILL of a hook's process group. */
export const DEFAULT_HOOK_KILL_GRACE_MS = 5_000;
export const DEFAULT_HOOK_OUTPUT_MAX_BYTES = 64 * 1024;
/** How long stop() lets running hooks finish before terminating them. */
export const DEFAULT_HOOK_STOP_WAIT_MS = 5_000;

/** What a hook is told about the event, as DOPPEL_* variables. */
export interface HookContext {
  event: HookEvent;
  protection: string;
  /** PeerId of the protection's source. */
  sourcePeer: string;
  sourceName: string;
  replicaPath: string;
  generation: number;
  /** start: this side just took the primary role; stop: it is about to give it up. */
  action: 'start' | 'stop';
}

export interface HookRequest extends HookContext {
  /** A shell command line, run as `/bin/sh -c COMMAND sh EVENT PROTECTION`. */
  command: string;
  timeoutMs?: number;
}

export interface HookStart {
  seq: number;
  event: HookEvent;
  protection: string;
  command: string;
  /** Clock time (ms) at which the hook was started, or found it could not be. */
  startedAt: number;
}

export interface HookResult extends HookStart {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  timeoutMs: number;
  durationMs: number;
  /** stdout and stderr interleaved; only the tail when it was longer than the cap. */
  output: string;
  outputTruncated: boolean;
  /** Why the hook did not run, or was cut short other than by its timeout; null otherwise. */
  error: string | null;
}

export type HookNotice = { type: 'hook:started'; hook: HookStart } | { type: 'hook:finished'; hook: HookResult };

export interface Clock {
  now(): number;
}

export interface HookRunnerOptions {
  /** The last sequence number used, as persisted; the next hook gets lastSeq + 1. */
  lastSeq?: number;
  /** Called with each new sequence number as it is assigned, before the hook runs. */
  persistSeq?: (seq: number) => void;
  onEvent?: (notice: HookNotice) => void;
  clock?: Clock;
  timeoutMs?: number;
  killGraceMs?: number;
  maxOutputBytes?: number;
  /** The environment the DOPPEL_* variables are added to; the daemon's own by default. */
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
}

export class HookFailedError extends DoppelError {
  override name = 'HookFailedError';
  override readonly code = 'hook-failed';
  constructor(readonly result: HookResult) {
    const label = `${result.event} hook #${result.seq} of protection ${result.protection}`;
    const last = result.output.trimEnd().split('\n').pop()?.slice(-200);
    super(`${label} ${failureDetail(result)}${last ? `; its last output: ${JSON.stringify(last)}` : ''}`);
  }
}

function failureDetail(r: HookResult): string {
  if (r.timedOut) {
    return `ran longer than ${r.timeoutMs / 1000} s and was killed with its children; make it finish sooner (start long-running work in the background with its output redirected) or raise the hook timeout`;
  }
  if (r.error !== null) return r.error;
  if (r.exitCode === 127) return 'exited with code 127: the shell did not find the command; check the path in the protection\'s hook setting';
  if (r.exitCode === 126) return 'exited with code 126: the command is not executable; chmod +x the script or run it through its interpreter';
  if (r.signal !== null) return `was killed by ${r.signal}; check what it left half done and finish by hand`;
  return `exited with code ${r.exitCode}; read its output, fix the script, and finish the step by hand if needed`;
}

/** The error describing a hook that did not succeed, or undefined if it exited 0 in time. */
export function hookFailure(result: HookResult): HookFailedError | undefined {
  const ok = result.exitCode === 0 && !result.timedOut && result.error === null;
  return ok ? undefined : new HookFailedError(result);
}

export class HookRunner {
  private seq: number;
  private stopping = false;
  /** The last queued hook of each protection; the next one starts after it settles. */
  private readonly tails = new Map<string, Promise<HookResult>>();
  /** Aborted by stop() to terminate running hooks. */
  private readonly abort = new AbortController();
  private readonly clock: Clock;

  constructor(private readonly options: HookRunnerOptions = {}) {
    const last = options.lastSeq ?? 0;
    if (!Number.isSafeInteger(last) || last < 0) throw new RangeError(`lastSeq must be a non-negative integer, got ${last}`);
    this.seq = last;
    this.clock = options.clock ?? { now: () => Date.now() };
  }

  get lastSeq(): number {
    return this.seq;
  }

  /** Queues a hook behind the protection's earlier ones; resolves with its result, never rejects. */
  run(request: HookRequest): Promise<HookResult> {
    const seq = ++this.seq;
    try {
      this.options.persistSeq?.(seq);
    } catch (err) {
      // The hook matters more than its number; at worst a number repeats after a restart.
      this.options.logger?.warn('could not persist hook sequence number', { seq, err });
    }
    const before = this.tails.get(request.protection) ?? Promise.resolve(undefined);
    const job = before.then(() => this.execute(seq, request));
    this.tails.set(request.protection, job);
    void job.then(() => {
      if (this.tails.get(request.protection) === job) this.tails.delete(request.protection);
    });
    return job;
  }

  /** Starts no more hooks, lets running ones finish for up to waitMs, then terminates them. */
  async stop(waitMs = DEFAULT_HOOK_STOP_WAIT_MS): Promise<void> {
    this.stopping = true;
    const all = Promise.all(this.tails.values());
    const timer = new AbortController();
    const finished = await Promise.race([all.then(() => true), delay(waitMs, false, { signal: timer.signal }).catch(() => false)]);
    timer.abort();
    if (!finished) this.abort.abort();
    await all;
  }

  private async execute(seq: number, request: HookRequest): Promise<HookResult> {
    const startedAt = this.clock.now();
    const start: HookStart = { seq, event: request.event, protection: request.protection, command: request.command, startedAt };
    const timeoutMs = request.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_HOOK_TIMEOUT_MS;
    const finish = (fields: Omit<HookResult, keyof HookStart | 'timeoutMs' | 'durationMs'>): HookResult => {
      // A clock stepped backwards must not report a negative duration.
      const result: HookResult = { ...start, ...fields, timeoutMs, durationMs: Math.max(0, this.clock.now() - startedAt) };
      this.notify({ type: 'hook:finished', hook: result });
      return result;
    };
    if (this.stopping) {
      const error = 'did not run because doppel was stopping; run it by hand if it is still needed';
      return finish({ exitCode: null, signal: null, timedOut: false, output: '', outputTruncated: false, error });
    }
    this.notify({ type: 'hook:started', hook: start });
    const outcome = await runShellInGroup(request.command, [request.event, request.protection], {
      env: hookEnv(this.options.env ?? process.env, request, seq),
      timeoutMs,
      killGraceMs: this.options.killGraceMs ?? DEFAULT_HOOK_KILL_GRACE_MS,
      maxOutputBytes: this.options.maxOutputBytes ?? DEFAULT_HOOK_OUTPUT_MAX_BYTES,
      signal: this.abort.signal,
    });
    const { exitCode, signal, timedOut, output, outputTruncated } = outcome;
    let error: string | null = null;
    if (outcome.spawnError !== null) error = `could not be started (${outcome.spawnError}); check that /bin/sh exists and the hook command is not unusually long`;
    if (outcome.aborted) error = 'doppel stopped while the hook ran and terminated it; check what it left half done and finish by hand';
    return finish({ exitCode, signal, timedOut, output, outputTruncated, error });
  }

  private notify(notice: HookNotice): void {
    try {
      this.options.onEvent?.(notice);
    } catch (err) {
      this.options.logger?.warn('hook event listener failed', { type: notice.type, seq: notice.hook.seq, err });
    }
  }
}

function hookEnv(base: NodeJS.ProcessEnv, context: HookContext, seq: number): NodeJS.ProcessEnv {
  return {
    ...base,
    DOPPEL_EVENT: context.event,
    DOPPEL_PROTECTION: context.protection,
    DOPPEL_SOURCE_PEER: context.sourcePeer,
    DOPPEL_SOURCE_NAME: context.sourceName,
    DOPPEL_REPLICA_PATH: context.replicaPath,
    DOPPEL_GENERATION: String(context.generation),
    DOPPEL_HOOK_SEQ: String(seq),
    DOPPEL_ACTION: context.action,
  };
}
