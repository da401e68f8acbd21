// A local "proxy" that every browser under test is pointed at. It forwards nothing: it records each request that
// would have left the machine (plain HTTP by absolute URL, HTTPS/WebSocket by CONNECT) and refuses it. Loopback
// (the fixture server) bypasses proxies in both browsers, so tests stay hermetic and anything that tried to reach
// the network, from the extension or from the browser itself, is visible in `attempts`.
import { createServer } from 'node:http';
import { listenOnLoopback } from './server';

export interface TrappedRequest {
  /** "GET", "POST", "CONNECT", ... */
  method: string;
  /** Absolute URL for plain HTTP, "host:port" for CONNECT. */
  target: string;
  userAgent: string;
  at: Date;
}

export interface NetworkTrap {
  readonly host: string;
  readonly port: number;
  /** "127.0.0.1:PORT", for --proxy-server and the Firefox proxy prefs. */
  readonly address: string;
  readonly attempts: readonly TrappedRequest[];
  close(): Promise<void>;
}

export async function startNetworkTrap(): Promise<NetworkTrap> {
  const attempts: TrappedRequest[] = [];
  const server = createServer((req, res) => {
    attempts.push({ method: req.method ?? '?', target: req.url ?? '', userAgent: req.headers['user-agent'] ?? '', at: new Date() });
    res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
    res.end('rethread e2e: network access is blocked in tests\n');
  });
  server.on('connect', (req, socket) => {
    attempts.push({ method: 'CONNECT', target: req.url ?? '', userAgent: req.headers['user-agent'] ?? '', at: new Date() });
    socket.on('error', () => {});
    socket.end('HTTP/1.1 502 Bad Gateway\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
  });
  server.on('clientError', (_err, socket) => socket.destroy());

  const { port, close } = await listenOnLoopback(server);
  return { host: '127.0.0.1', port, address: `127.0.0.1:${port}`, attempts, close };
}
