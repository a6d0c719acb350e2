/**
 * A static file server on 127.0.0.1 serving a built folder as a host would: a folder's
 * index.html for its address, the folder's 404.html (status 404) for an unknown address, a
 * content type by extension, text files as UTF-8 and never sniffed. Used by `npm start`
 * (src/site/dev-server.ts adds live reload and the published sources' headers), by the search
 * benchmark and by the browser tests.
 *
 * Each request is resolved under the root folder's path when it comes, so a site swapped into
 * place by a rebuild (a rename) is served from the next request on.
 */
import { createReadStream, readFileSync, statSync, type Stats } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

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

export interface StaticServerOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Headers added to a response for a path (after the content type, so they may replace it). */
  headers?: (urlPath: string) => Readonly<Record<string, string>>;
  /** Rewrites the text of every HTML response before it is sent (never the file itself). */
  html?: (html: string) => string;
  /** Answers a request itself when it returns true: an address of the server's own. */
  handle?: (req: IncomingMessage, res: ServerResponse, urlPath: string) => boolean;
}

export interface StaticServer {
  url: string;
  port: number;
  /** Bytes sent for each request path since start or the last reset. */
  log: Array<{ path: string; bytes: number; status: number }>;
  close(): Promise<void>;
}

/** A port that is taken: said in one line by the command that asked for it. */
export class PortInUse extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is in use`);
    this.name = 'PortInUse';
  }
}

function fileStats(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

export async function serveStatic(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const base = resolve(root);
  const log: StaticServer['log'] = [];
  const send = (res: ServerResponse, urlPath: string, file: string, status: number, head: boolean) => {
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const extra = {
      // a text file is text, whatever it holds (a raw source: src/site/publish-sources.ts)
      ...(extname(file) === '.txt' ? { 'x-content-type-options': 'nosniff' } : {}),
      ...Object.fromEntries(Object.entries(options.headers?.(urlPath) ?? {}).map(([name, value]) => [name.toLowerCase(), value])),
    };
    if (type.startsWith('text/html') && options.html) {
      const body = Buffer.from(options.html(readFileSync(file, 'utf8')), 'utf8');
      log.push({ path: urlPath, bytes: body.length, status });
      res.writeHead(status, { 'content-type': type, 'content-length': body.length, ...extra });
      res.end(head ? undefined : body);
      return;
    }
    const size = statSync(file).size;
    log.push({ path: urlPath, bytes: size, status });
    res.writeHead(status, { 'content-type': type, 'content-length': size, ...extra });
    if (head) res.end();
    else createReadStream(file).pipe(res);
  };
  const server: Server = createServer((req, res) => {
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (options.handle?.(req, res, urlPath)) return;
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let file = normalize(join(base, urlPath));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    let stats = fileStats(file);
    if (stats?.isDirectory()) {
      file = join(file, 'index.html');
      stats = fileStats(file);
    }
    try {
      if (stats?.isFile()) {
        send(res, urlPath, file, 200, head);
        return;
      }
      const notFound = join(base, '404.html');
      if (fileStats(notFound)?.isFile()) send(res, urlPath, notFound, 404, head);
      else {
        log.push({ path: urlPath, bytes: 0, status: 404 });
        res.writeHead(404, { 'content-type': TYPES['.html'] as string }).end();
      }
    } catch {
      // the file went between stat and read (a rebuild swapping the site in): ask again
      if (!res.headersSent) res.writeHead(503, { 'retry-after': '1' });
      res.end();
    }
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUse(options.port ?? 0) : error));
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    log,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}
