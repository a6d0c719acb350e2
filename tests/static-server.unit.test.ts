/** The static server (src/core/static-server.ts): what a host sends, and nothing outside its folder. */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PortInUse, serveStatic } from '../src/core/static-server.ts';
import { tempDir } from './helpers/site.ts';

/** GET with the path sent as written (fetch would resolve `..` first). */
function getRaw(url: string, path: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method: 'GET', path }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

function site(): string {
  const parent = tempDir('arshif-static-');
  const root = join(parent, 'site');
  mkdirSync(join(root, 'about'), { recursive: true });
  mkdirSync(join(parent, 'site-private'));
  writeFileSync(join(parent, 'site-private', 'secret.txt'), 'secret');
  writeFileSync(join(root, 'about', 'index.html'), '<p>about</p></body>');
  writeFileSync(join(root, '404.html'), '<p>not here</p></body>');
  writeFileSync(join(root, 'a.txt'), 'نص');
  return root;
}

describe('serveStatic', () => {
  it("a folder's index.html, 404.html with 404, text as UTF-8 never sniffed, nothing beside the folder", async () => {
    const server = await serveStatic(site());
    try {
      assert.equal((await getRaw(server.url, '/about/')).body, '<p>about</p></body>');
      const missing = await getRaw(server.url, '/nope/');
      assert.deepEqual([missing.status, missing.body], [404, '<p>not here</p></body>']);
      const text = await getRaw(server.url, '/a.txt');
      assert.equal(text.headers['content-type'], 'text/plain; charset=utf-8');
      assert.equal(text.headers['x-content-type-options'], 'nosniff');
      for (const path of ['/../site-private/secret.txt', '/..%2fsite-private/secret.txt', '/%2e%2e/site-private/secret.txt']) {
        const response = await getRaw(server.url, path);
        assert.notEqual(response.body, 'secret', path);
      }
    } finally {
      await server.close();
    }
  });

  it('its own addresses, extra headers by path, and HTML rewritten as sent', async () => {
    const server = await serveStatic(site(), {
      handle: (_req, res, path) => {
        if (path !== '/.own') return false;
        res.end('own');
        return true;
      },
      headers: (path): Record<string, string> => (path.startsWith('/about/') ? { 'X-Test': 'yes' } : {}),
      html: (html) => html.replace('</body>', '<script></script></body>'),
    });
    try {
      assert.equal((await getRaw(server.url, '/.own')).body, 'own');
      const about = await getRaw(server.url, '/about/');
      assert.equal(about.body, '<p>about</p><script></script></body>');
      assert.equal(about.headers['x-test'], 'yes');
      assert.equal((await getRaw(server.url, '/nope')).body, '<p>not here</p><script></script></body>');
    } finally {
      await server.close();
    }
  });

  it('a port in use is said as such', async () => {
    const first = await serveStatic(site());
    try {
      await assert.rejects(serveStatic(site(), { port: first.port }), PortInUse);
    } finally {
      await first.close();
    }
  });
});
