// Errors a user can act on. Each has a `name`, a message that says what to do, and the process
// exit code the CLI uses when it ends a command (documented in README.md).
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_NO_DAEMON = 3;

export class DoppelError extends Error {
  override name = 'DoppelError';
  /** Stable machine-readable code, sent over the control API. */
  readonly code: string = 'failed';
  readonly exitCode: number = EXIT_FAILURE;
}

export class UsageError extends DoppelError {
  override name = 'UsageError';
  override readonly code = 'usage';
  override readonly exitCode = EXIT_USAGE;
}

export class ConfigError extends DoppelError {
  override name = 'ConfigError';
  override readonly code = 'config';
  constructor(readonly file: string, readonly line: number | undefined, detail: string) {
    super(line === undefined ? `${file}: ${detail}` : `${file}:${line}: ${detail}`);
  }
}

export class StateError extends DoppelError {
  override name = 'StateError';
  override readonly code = 'state';
}

export class NotInitializedError extends DoppelError {
  override name = 'NotInitializedError';
  override readonly code = 'not-initialized';
  constructor(readonly home: string) {
    super(`${home} is not a doppel home; create it with \`doppel init --name NAME --home ${home}\``);
  }
}

export class DaemonRunningError extends DoppelError {
  override name = 'DaemonRunningError';
  override readonly code = 'daemon-running';
  constructor(readonly home: string, readonly pid: number | undefined) {
    super(`a doppel daemon${pid === undefined ? '' : ` (pid ${pid})`} is already running for home ${home}; stop it first or use another --home`);
  }
}

export class NoDaemonError extends DoppelError {
  override name = 'NoDaemonError';
  override readonly code = 'no-daemon';
  override readonly exitCode = EXIT_NO_DAEMON;
  constructor(readonly home: string) {
    super(`no doppel daemon is running for home ${home}; start one with \`doppel up --home ${home}\``);
  }
}

export class UnknownPeerError extends DoppelError {
  override name = 'UnknownPeerError';
  override readonly code = 'unknown-peer';
  constructor(readonly peer: string) {
    super(`${peer} is not a trusted peer; list peers with \`doppel peers\` and trust one with \`doppel trust <peerId>\``);
  }
}

export class InvalidPeerIdError extends DoppelError {
  override name = 'InvalidPeerIdError';
  override readonly code = 'invalid-peer-id';
  constructor(readonly value: string) {
    super(`${JSON.stringify(value)} is not a PeerId; copy it from \`doppel id\` on the other host`);
  }
}

/** An error the daemon returned over the control API, re-thrown in the client. */
export class RemoteError extends DoppelError {
  override name = 'RemoteError';
  override readonly exitCode: number;
  constructor(readonly remoteCode: string, message: string) {
    super(message);
    // An argument only the daemon can check (a PeerId that is this peer's own, a bad param) is
    // still bad usage, whichever side found it.
    this.exitCode = remoteCode === 'usage' ? EXIT_USAGE : EXIT_FAILURE;
  }
}
