// The control API's methods: for each, the params a client sends, the result it gets back, and
// the check that reads untrusted params into the Params type. The daemon runs the check before a
// handler sees anything; a refusal is a ParamsError (code 'usage').
//   request  {"id": 1, "method": "trust", "params": {"peerId": "12D3Koo...", "name": "bravo"}}
//   response {"id": 1, "result": {...}} or {"id": 1, "error": {"code": "usage", "message": "..."}}
// Event subscription is not a call: see events.ts.
import { boolean, checkFields, nonEmptyString, nonNegativeNumber, ParamsError, ParamsReader, stringList, stringOrList, type Check } from './params.js';
import type { ProtectionStatus } from './status.js';
import type { AsideEntry } from '../store/aside.js';
import type { Role } from '../store/protections.js';

/** A method that takes no params. */
export type NoParams = Record<string, never>;

// ---- peers

export interface IdView {
  peerId: string;
  name: string;
  addresses: string[];
}

export type PeerState = 'pending' | 'trusted' | 'connected';

/** One row of `doppel peers --json`. */
export interface PeerView {
  peerId: string;
  name: string | null;
  state: PeerState;
  addresses: string[];
  latencyMs: number | null;
  /** Wall-clock ms of the last contact, null if never. */
  lastSeen: number | null;
  discovered: string | null;
}

export interface TrustParams {
  peerId: string;
  /** The name to know the peer by here; default: the name it announces. */
  name?: string;
  /** Multiaddrs of the peer. */
  addrs?: string[];
}

export interface TrustResult {
  peerId: string;
  name: string | null;
  addresses: string[];
  connected: boolean;
  /** Why the peer is not connected yet; null when it is, or when no address is known. */
  dialError: string | null;
}

export interface UntrustParams {
  /** A PeerId, or the name of a trusted peer. */
  peerId: string;
}

export interface UntrustResult {
  peerId: string;
  wasTrusted: boolean;
}

// ---- protections

export interface ProtectParams {
  name: string;
  /** Absolute path of a directory, a regular file or a block device. */
  path: string;
  /** Target peers (PeerIds or trusted names); a single string is taken as a list of one. */
  to: string[];
  /** Globs; a single string is taken as a list of one. */
  include?: string[];
  exclude?: string[];
  /** Bytes per second; 0 or absent: unlimited. */
  bwlimit?: number;
  compress?: boolean;
  /** A power of two from 512 to 1 MiB (checked by the daemon); absent: 4 KiB. */
  blockSize?: number;
  /** Rescan every this many ms instead of watching; 0 or absent: watch (devices: 1000). */
  scanIntervalMs?: number;
}

/** A protection's failover policy and hooks (protect sets them, set changes them). */
export interface PolicyParams {
  /** manual (default), auto (needs a witness), auto-unwitnessed. */
  failover?: 'manual' | 'auto' | 'auto-unwitnessed';
  heartbeatMs?: number;
  /** Heartbeats missed in a row before an automatic failover. */
  missed?: number;
  /** Shell commands; '' removes one. */
  hookFailover?: string;
  hookFailback?: string;
  hookSwitchover?: string;
  hookTimeoutMs?: number;
}

export interface SetParams extends PolicyParams {
  name: string;
  /** Only the protection with this peer (PeerId or name). */
  peer?: string;
}

export interface FailoverParams {
  name: string;
  peer?: string;
  /** Promote even though the source still answers or a witness still reaches it. */
  force?: boolean;
  /** A test failover: the failover hook runs on a throwaway copy of the replica; nothing is promoted. */
  test?: boolean;
  /** With `test`: end the running test failover, removing its copy. */
  end?: boolean;
}

/** protect, pause, resume: the protections the call acted on. */
export interface ProtectionsResult {
  protections: ProtectionStatus[];
}

export interface UnprotectParams {
  name: string;
  /** Only the protection with this peer (PeerId or name). */
  peer?: string;
}

export interface RemovedProtection {
  name: string;
  role: Role;
  peer: string;
  path: string;
}

export interface UnprotectResult {
  removed: RemovedProtection[];
}

export interface NameParams {
  /** A protection's name. */
  name: string;
}

export interface VerifyParams {
  name: string;
  /** Resend whatever differs. */
  repair?: boolean;
}

export interface VerifyReport {
  name: string;
  /** PeerId of the target. */
  peer: string;
  files: number;
  differing: Array<{ path: string; reason: string; blocks?: number }>;
  repaired: boolean;
}

export interface VerifyResult {
  reports: VerifyReport[];
}

// ---- data kept aside

/** One entry of data kept aside instead of destroyed: id, protection, peer, createdAt, reason, dir, files, bytes. */
export type AsideView = AsideEntry;

export interface ResolveParams {
  name: string;
  peer?: string;
  /** Whose data survives the split brain: this side's (local) or the peer's (remote). */
  keep: 'local' | 'remote';
}

export interface AsideListParams {
  name?: string;
}

export interface AsideDropParams {
  name: string;
  /** One entry; or every entry of the protection with `all`. */
  id?: number;
  all?: boolean;
}

// ---- the table

export interface Methods {
  id: { params: NoParams; result: IdView };
  peers: { params: NoParams; result: PeerView[] };
  trust: { params: TrustParams; result: TrustResult };
  untrust: { params: UntrustParams; result: UntrustResult };
  protect: { params: ProtectParams & PolicyParams; result: ProtectionsResult };
  unprotect: { params: UnprotectParams; result: UnprotectResult };
  status: { params: NoParams; result: ProtectionsResult };
  pause: { params: NameParams; result: ProtectionsResult };
  resume: { params: NameParams; result: ProtectionsResult };
  verify: { params: VerifyParams; result: VerifyResult };
  set: { params: SetParams; result: ProtectionsResult };
  failover: { params: FailoverParams; result: ProtectionsResult };
  failback: { params: UnprotectParams; result: ProtectionsResult };
  switchover: { params: UnprotectParams; result: ProtectionsResult };
  resolve: { params: ResolveParams; result: ProtectionsResult };
  'aside-list': { params: AsideListParams; result: { entries: AsideView[] } };
  'aside-drop': { params: AsideDropParams; result: { dropped: AsideView[] } };
}

export type MethodName = keyof Methods;
export type Params<M extends MethodName> = Methods[M]['params'];
export type Result<M extends MethodName> = Methods[M]['result'];

function noParams(method: MethodName): (raw: unknown) => NoParams {
  return (raw) => {
    checkFields(method, raw, []);
    return {};
  };
}

function nameOnly(method: MethodName): (raw: unknown) => NameParams {
  return (raw) => ({ name: new ParamsReader(method, raw, ['name']).required('name', nonEmptyString) });
}

const POLICY_FIELDS = ['failover', 'heartbeatMs', 'missed', 'hookFailover', 'hookFailback', 'hookSwitchover', 'hookTimeoutMs'] as const;

const failoverMode: Check<'manual' | 'auto' | 'auto-unwitnessed'> = {
  expected: "'manual', 'auto' or 'auto-unwitnessed'",
  read: (v) => (v === 'manual' || v === 'auto' || v === 'auto-unwitnessed' ? v : undefined),
};

const anyString: Check<string> = { expected: 'a string', read: (v) => (typeof v === 'string' ? v : undefined) };

function wholeAtLeast(min: number, max: number): Check<number> {
  return { expected: `a whole number from ${min} to ${max}`, read: (v) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max ? v : undefined) };
}

function policy(p: ParamsReader): PolicyParams {
  const out: PolicyParams = {
    failover: p.optional('failover', failoverMode),
    heartbeatMs: p.optional('heartbeatMs', wholeAtLeast(50, 60_000)),
    missed: p.optional('missed', wholeAtLeast(1, 1000)),
    hookFailover: p.optional('hookFailover', anyString),
    hookFailback: p.optional('hookFailback', anyString),
    hookSwitchover: p.optional('hookSwitchover', anyString),
    hookTimeoutMs: p.optional('hookTimeoutMs', wholeAtLeast(1000, 86_400_000)),
  };
  for (const key of POLICY_FIELDS) if (out[key] === undefined) delete out[key];
  return out;
}

function namePeer(method: 'failback' | 'switchover'): (raw: unknown) => UnprotectParams {
  return (raw) => {
    const p = new ParamsReader(method, raw, ['name', 'peer']);
    return { name: p.required('name', nonEmptyString), peer: p.optional('peer', nonEmptyString) };
  };
}

const targets: Check<string[]> = {
  expected: 'a peer (PeerId or trusted name) or a list of them, at least one',
  read: (v) => { const peers = stringOrList.read(v); return peers !== undefined && peers.length > 0 && !peers.includes('') ? peers : undefined; },
};

export const METHODS: { [M in MethodName]: { parse(raw: unknown): Params<M> } } = {
  id: { parse: noParams('id') },
  peers: { parse: noParams('peers') },
  trust: {
    parse: (raw) => {
      const p = new ParamsReader('trust', raw, ['peerId', 'name', 'addrs']);
      return { peerId: p.required('peerId', nonEmptyString), name: p.optional('name', nonEmptyString), addrs: p.optional('addrs', stringList) };
    },
  },
  untrust: {
    parse: (raw) => ({ peerId: new ParamsReader('untrust', raw, ['peerId']).required('peerId', nonEmptyString) }),
  },
  protect: {
    parse: (raw) => {
      const p = new ParamsReader('protect', raw, ['name', 'path', 'to', 'include', 'exclude', 'bwlimit', 'compress', 'blockSize', 'scanIntervalMs', ...POLICY_FIELDS]);
      return {
        ...policy(p),
        name: p.required('name', nonEmptyString),
        path: p.required('path', nonEmptyString),
        to: p.required('to', targets),
        include: p.optional('include', stringOrList),
        exclude: p.optional('exclude', stringOrList),
        bwlimit: p.optional('bwlimit', nonNegativeNumber),
        compress: p.optional('compress', boolean),
        blockSize: p.optional('blockSize', nonNegativeNumber),
        scanIntervalMs: p.optional('scanIntervalMs', nonNegativeNumber),
      };
    },
  },
  unprotect: {
    parse: (raw) => {
      const p = new ParamsReader('unprotect', raw, ['name', 'peer']);
      return { name: p.required('name', nonEmptyString), peer: p.optional('peer', nonEmptyString) };
    },
  },
  status: { parse: noParams('status') },
  pause: { parse: nameOnly('pause') },
  resume: { parse: nameOnly('resume') },
  verify: {
    parse: (raw) => {
      const p = new ParamsReader('verify', raw, ['name', 'repair']);
      return { name: p.required('name', nonEmptyString), repair: p.optional('repair', boolean) };
    },
  },
  set: {
    parse: (raw) => {
      const p = new ParamsReader('set', raw, ['name', 'peer', ...POLICY_FIELDS]);
      return { name: p.required('name', nonEmptyString), peer: p.optional('peer', nonEmptyString), ...policy(p) };
    },
  },
  failover: {
    parse: (raw) => {
      const p = new ParamsReader('failover', raw, ['name', 'peer', 'force', 'test', 'end']);
      const out = { name: p.required('name', nonEmptyString), peer: p.optional('peer', nonEmptyString), force: p.optional('force', boolean), test: p.optional('test', boolean), end: p.optional('end', boolean) };
      if (out.end === true && out.test !== true) throw new ParamsError('end', 'params.end of failover ends a test failover: it needs params.test = true');
      if (out.force === true && out.test === true) throw new ParamsError('force', 'params.force of failover promotes the replica; a test failover (params.test) promotes nothing');
      return out;
    },
  },
  resolve: {
    parse: (raw) => {
      const p = new ParamsReader('resolve', raw, ['name', 'peer', 'keep']);
      const keep: Check<'local' | 'remote'> = { expected: "'local' or 'remote'", read: (v) => (v === 'local' || v === 'remote' ? v : undefined) };
      return { name: p.required('name', nonEmptyString), peer: p.optional('peer', nonEmptyString), keep: p.required('keep', keep) };
    },
  },
  'aside-list': {
    parse: (raw) => ({ name: new ParamsReader('aside-list', raw, ['name']).optional('name', nonEmptyString) }),
  },
  'aside-drop': {
    parse: (raw) => {
      const p = new ParamsReader('aside-drop', raw, ['name', 'id', 'all']);
      const out = { name: p.required('name', nonEmptyString), id: p.optional('id', wholeAtLeast(1, Number.MAX_SAFE_INTEGER)), all: p.optional('all', boolean) };
      if ((out.id === undefined) === (out.all !== true)) throw new ParamsError('id', 'aside-drop takes either params.id (one entry) or params.all = true (every entry of the protection)');
      return out;
    },
  },
  failback: { parse: namePeer('failback') },
  switchover: { parse: namePeer('switchover') },
};

/** Reads `raw` into the params of `method`; throws ParamsError (code 'usage') naming the field. */
export function parseParams<M extends MethodName>(method: M, raw: unknown): Params<M> {
  return METHODS[method].parse(raw);
}
