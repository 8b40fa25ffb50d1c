// Receiving ends of the network ceilings, run as a separate process so sender and receiver do not
// share one event loop or one core (the daemons won't either).
import '../lib/polyfill.js';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const SINK_PROTOCOL = '/doppel-bench/sink/1.0.0';

async function tcpSink(): Promise<void> {
  const server = createServer((socket) => {
    let total = 0;
    socket.on('data', (d: Buffer) => (total += d.length));
    socket.on('end', () => {
      socket.end(`${total}\n`);
      server.close();
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    if (addr === null || typeof addr === 'string') throw new Error('tcp sink has no port');
    process.stdout.write(`${addr.port}\n`);
  });
}

async function p2pSink(): Promise<void> {
  const { createLibp2p } = await import('libp2p');
  const { tcp } = await import('@libp2p/tcp');
  const { noise } = await import('@chainsafe/libp2p-noise');
  const { yamux } = await import('@chainsafe/libp2p-yamux');
  const node = await createLibp2p({
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
  });
  await node.handle(SINK_PROTOCOL, async (stream) => {
    let total = 0;
    for await (const chunk of stream) total += chunk.byteLength;
    stream.send(new TextEncoder().encode(`${total}\n`));
    await stream.close();
    // Give the reply time to leave before the process goes away.
    setTimeout(() => void Promise.resolve(node.stop()).then(() => process.exit(0)), 200);
  });
  process.stdout.write(`${node.getMultiaddrs()[0]!.toString()}\n`);
}

// Also imported by ceilings.ts for SINK_PROTOCOL: only act when run as a program.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const mode = process.argv[2];
  if (mode === 'tcp-sink') await tcpSink();
  else if (mode === 'p2p-sink') await p2pSink();
  else {
    process.stderr.write('usage: child.js tcp-sink|p2p-sink\n');
    process.exit(2);
  }
}
