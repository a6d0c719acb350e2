/**
 * The server of `npm start`: the built site as a host serves it (src/core/static-server.ts), the
 * published sources with their headers (publish-sources.ts), and live reload. Every HTML page it
 * sends carries one script tag more, added as the page is sent (the built files stay as
 * `npm run build` writes them), which listens to Server-Sent Events at LIVE_RELOAD_PATH and
 * reloads the page when a build other than the one it was served from is announced. A page
 * served just before a rebuild finished, or by a server since restarted, therefore reloads too.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serveStatic, type StaticServer } from '../core/static-server.ts';
import { SOURCE_HEADERS } from './publish-sources.ts';

/** The server's own addresses, under a dot-folder no build writes. */
export const LIVE_RELOAD_PATH = '/.arshif/live-reload';
export const LIVE_RELOAD_SCRIPT_PATH = '/.arshif/live-reload.js';

/** The script each page loads: reloads when the announced build is not the page's own. */
export const LIVE_RELOAD_SCRIPT = `(() => {
  const build = document.currentScript && document.currentScript.dataset.build;
  const events = new EventSource(${JSON.stringify(LIVE_RELOAD_PATH)});
  events.addEventListener('build', (event) => {
    if (event.data !== build) {
      events.close();
      location.reload();
    }
  });
})();
`;

/** `html` with the live-reload script tag of build `build` before its last `</body>` (or at its end). */
export function withLiveReload(html: string, build: string): string {
  const tag = `<script src="${LIVE_RELOAD_SCRIPT_PATH}" data-build="${build}"></script>`;
  const at = html.lastIndexOf('</body>');
  return at < 0 ? html + tag : html.slice(0, at) + tag + html.slice(at);
}

export interface DevServer {
  url: string;
  port: number;
  /** Tells every open page that build `build` is in place (they reload). */
  announce(build: string): void;
  /** Pages listening now. */
  listeners(): number;
  close(): Promise<void>;
}

/** Serves `siteDir` on 127.0.0.1:`port` with live reload; `build` names the build in place now. */
export async function serveSite(siteDir: string, port: number, build: string): Promise<DevServer> {
  let current = build;
  const clients = new Set<ServerResponse>();
  const event = (id: string) => `event: build\ndata: ${id}\n\n`;
  const handle = (req: IncomingMessage, res: ServerResponse, urlPath: string): boolean => {
    if (urlPath === LIVE_RELOAD_SCRIPT_PATH) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(LIVE_RELOAD_SCRIPT);
      return true;
    }
    if (urlPath !== LIVE_RELOAD_PATH) return false;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(`retry: 500\n${event(current)}`);
    clients.add(res);
    req.on('close', () => clients.delete(res));
    return true;
  };
  const server: StaticServer = await serveStatic(siteDir, {
    port,
    handle,
    headers: (urlPath) => (urlPath.startsWith('/sources/') ? SOURCE_HEADERS : {}),
    html: (html) => withLiveReload(html, current),
  });
  return {
    url: `http://localhost:${server.port}/`,
    port: server.port,
    announce(id) {
      current = id;
      for (const client of clients) client.write(event(id));
    },
    listeners: () => clients.size,
    async close() {
      for (const client of clients) client.end();
      clients.clear();
      await server.close();
    },
  };
}
