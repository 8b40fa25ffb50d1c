// Trust enforcement at the two places libp2p lets us: the connection gater (a stranger's
// connection is refused right after the noise handshake proves its PeerId, before any protocol
// runs) and every stream handler (a stream from a peer that was untrusted while its connection
// stayed open is reset before the handler sees it).
import type { Connection, ConnectionGater, PeerId, Stream, StreamHandler } from '@libp2p/interface';
import type { Logger } from '../log.js';

export interface TrustPolicy {
  isTrusted(peerId: string): boolean;
  /** Called when a stranger tried to connect (or we were asked to dial one); it becomes pending. */
  onRefused(peerId: string, direction: 'inbound' | 'outbound'): void;
}

export function trustGater(policy: TrustPolicy): ConnectionGater {
  const deny = (direction: 'inbound' | 'outbound') => (peerId: PeerId): boolean => {
    const id = peerId.toString();
    if (policy.isTrusted(id)) return false;
    policy.onRefused(id, direction);
    return true;
  };
  return {
    denyDialPeer: (peerId) => !policy.isTrusted(peerId.toString()),
    denyInboundEncryptedConnection: deny('inbound'),
    denyOutboundEncryptedConnection: deny('outbound'),
  };
}

export type GuardedHandler = (stream: Stream, connection: Connection) => void | Promise<void>;

/** Wraps a protocol handler so that only trusted peers reach it. */
export function guardHandler(protocol: string, isTrusted: (peerId: string) => boolean, log: Logger, handler: GuardedHandler): StreamHandler {
  return (stream, connection) => {
    const peerId = connection.remotePeer.toString();
    if (!isTrusted(peerId)) {
      log.warn('refused a stream from an untrusted peer', { peer: peerId, protocol });
      stream.abort(new Error('untrusted peer'));
      return;
    }
    return handler(stream, connection);
  };
}
