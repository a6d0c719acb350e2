/** A static file server on 127.0.0.1 for the search benchmark and the browser tests, serving a built site as a host would. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  url: string;
  /** Bytes sent for each request path since start or the last reset. */
  log: Array<{ path: string; bytes: number; status: number }>;
  close(): Promise<void>;
}

export async function serveStatic(root: string): Promise<StaticServer> {
  const log: StaticServer['log'] = [];
  const server: Server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, urlPath));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      const notFound = join(root, '404.html');
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      log.push({ path: urlPath, bytes: existsSync(notFound) ? statSync(notFound).size : 0, status: 404 });
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end();
      return;
    }
    const size = statSync(file).size;
    log.push({ path: urlPath, bytes: size, status: 200 });
    // a raw source is text, whatever it holds (src/site/publish-sources.ts: SOURCE_HEADERS)
    const sniffing = extname(file) === '.txt' ? { 'x-content-type-options': 'nosniff' } : {};
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': size, ...sniffing });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
