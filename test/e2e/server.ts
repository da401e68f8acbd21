// Static file server for the end-to-end tests: serves test/fixtures/pages/ on 127.0.0.1 with a random free port.
// node:http only, no dependencies. The e2e build's content script matches 127.0.0.1 (RETHREAD_AUTO_HOSTS), any port.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURE_PAGES_DIR = path.join(REPO_ROOT, 'test/fixtures/pages');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface ServedRequest {
  method: string;
  /** Path and query as requested, e.g. "/seed-der-farang.html". */
  url: string;
  status: number;
}

export interface FixtureServer {
  /** "http://127.0.0.1:PORT" */
  readonly origin: string;
  readonly host: string;
  readonly port: number;
  readonly root: string;
  /** Absolute URL of a file under the root ("seed-der-farang.html" -> "http://127.0.0.1:PORT/seed-der-farang.html"). */
  url(file: string): string;
  /** Every request served so far, in order. */
  readonly requests: readonly ServedRequest[];
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Directory to serve; default test/fixtures/pages/. */
  root?: string;
}

export async function startServer(options: ServerOptions = {}): Promise<FixtureServer> {
  const root = path.resolve(options.root ?? FIXTURE_PAGES_DIR);
  const requests: ServedRequest[] = [];

  const send = (req: IncomingMessage, res: ServerResponse, status: number, body: Buffer | string, type: string) => {
    requests.push({ method: req.method ?? '?', url: req.url ?? '', status });
    res.writeHead(status, {
      'content-type': type,
      'content-length': Buffer.byteLength(body),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(req, res, 405, 'method not allowed\n', 'text/plain; charset=utf-8');
        return;
      }
      let pathname: string;
      try {
        pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      } catch {
        send(req, res, 400, 'bad request\n', 'text/plain; charset=utf-8');
        return;
      }
      if (pathname.endsWith('/')) pathname += 'index.html';
      const file = path.resolve(root, '.' + pathname);
      // No escaping the root (.., encoded slashes, absolute paths).
      if (file !== root && !file.startsWith(root + path.sep)) {
        send(req, res, 403, 'forbidden\n', 'text/plain; charset=utf-8');
        return;
      }
      try {
        if (!(await stat(file)).isFile()) throw new Error('not a file');
        send(req, res, 200, await readFile(file), contentTypeFor(file));
      } catch {
        send(req, res, 404, `not found: ${pathname}\n`, 'text/plain; charset=utf-8');
      }
    })().catch((err: unknown) => {
      if (!res.headersSent) send(req, res, 500, String(err), 'text/plain; charset=utf-8');
      else res.destroy();
    });
  });
  const { port, close } = await listenOnLoopback(server);
  const host = '127.0.0.1';
  const origin = `http://${host}:${port}`;

  return {
    origin,
    host,
    port,
    root,
    url: (file) => new URL(file.replace(/^\/+/, ''), origin + '/').href,
    requests,
    close,
  };
}

/** Starts `server` on 127.0.0.1 at a free port (for the fixture server and the network trap). */
export async function listenOnLoopback(server: Server): Promise<{ port: number; close(): Promise<void> }> {
  // Browsers keep connections alive; do not let them hold close() up.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Start a server, run fn, always stop it. */
export async function withServer<T>(fn: (server: FixtureServer) => Promise<T>, options?: ServerOptions): Promise<T> {
  const server = await startServer(options);
  try {
    return await fn(server);
  } finally {
    await server.close();
  }
}
