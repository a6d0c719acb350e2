/**
 * `npm start` as an editing loop, in a real process on a throwaway copy of the project: it builds
 * and serves; `npm run add` makes one rebuild whose log line names what changed, the open page in
 * Chromium reloads and the new article's page is served; a bad edit leaves the last good site
 * served and says so; an edit to layouts/pages/ is picked up without a restart. What is served
 * is the built files but for the live-reload script, which is never written into them.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../src/bench/chromium.ts';
import { LIVE_RELOAD_PATH } from '../src/site/dev-server.ts';
import { copyProject, runIn } from './helpers/project-copy.ts';

const RAW = join(import.meta.dirname, 'fixtures', 'ingest', 'byline', 'input.txt');
const ADDED = '2019-03-23-al-khaleej-qwat-swrya-aldymqratya-tln-alsytra-ala';
const WAIT_MS = 120_000;

/** The server's stderr, line by line, and a way to wait for a line. */
class Log {
  lines: string[] = [];
  #partial = '';
  #waiting: Array<{ test: (line: string) => boolean; resolve: (line: string) => void }> = [];

  constructor(child: ChildProcess) {
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (this.#partial + chunk).split('\n');
      this.#partial = parts.pop() ?? '';
      for (const line of parts) {
        this.lines.push(line);
        for (const w of [...this.#waiting]) {
          if (w.test(line)) {
            this.#waiting.splice(this.#waiting.indexOf(w), 1);
            w.resolve(line);
          }
        }
      }
    });
  }

  /** The first line from index `from` on that matches. */
  next(pattern: RegExp, from: number): Promise<string> {
    const seen = this.lines.slice(from).find((line) => pattern.test(line));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no line ${pattern} in:\n${this.lines.join('\n')}`)), WAIT_MS);
      this.#waiting.push({
        test: (line) => pattern.test(line),
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      });
    });
  }
}

/** The build ids the server announces on its event stream. */
function listen(url: string): { builds: string[]; close(): void } {
  const builds: string[] = [];
  const request = get(url, (res) => {
    res.setEncoding('utf8');
    let buffer = '';
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const data = /^data: (.*)$/m.exec(buffer.slice(0, end))?.[1];
        if (data !== undefined) builds.push(data);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
      }
    });
  });
  request.on('error', () => undefined);
  return { builds, close: () => request.destroy() };
}

describe('npm start: build, serve, rebuild on change, reload', { timeout: 600_000 }, () => {
  let root: string;
  let child: ChildProcess;
  let log: Log;
  let url: string;
  let browser: Browser;
  let page: Page;
  let events: ReturnType<typeof listen>;

  before(async () => {
    root = copyProject();
    child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/serve.ts'), '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    log = new Log(child);
    const serving = await log.next(/^arshif: serving (http:\/\/localhost:\d+\/)/, 0);
    url = (/(http:\/\/localhost:\d+\/)/.exec(serving)?.[1] ?? '').replace('localhost', '127.0.0.1');
    await log.next(/^arshif: built|problem/, 0);
    browser = await launchChromium();
    page = await browser.newPage();
  });

  after(async () => {
    events?.close();
    await browser?.close();
    child?.kill('SIGTERM');
  });

  it('serves the site it built, adding the live-reload script only to what it sends', async () => {
    assert.match(
      log.lines[0] ?? '',
      /^arshif: serving http:\/\/localhost:\d+\/ \(nothing until the build is done\); watching content\/, layouts\/, public\/ for changes; Ctrl-C stops$/,
    );
    const built = log.lines.findIndex((line) => line.startsWith('arshif: built'));
    assert.ok(built > 0, 'after the serving line');
    assert.match(log.lines[built] ?? '', /^arshif: built 5 articles into _site in \d+\.\d s$/);
    const home = await fetch(url);
    assert.equal(home.status, 200);
    const html = await home.text();
    assert.match(html, /<script src="\/\.arshif\/live-reload\.js" data-build="[^"]+"><\/script><\/body>/);
    const file = readFileSync(join(root, '_site', 'index.html'), 'utf8');
    assert.ok(!file.includes('live-reload'), 'the built file has no live-reload script');
    assert.equal(html.replace(/<script src="\/\.arshif\/live-reload\.js" data-build="[^"]+"><\/script>/, ''), file);
    const source = await fetch(`${url}sources/000_3f254b3f231ddcb4.txt`);
    assert.equal(source.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.equal(source.headers.get('x-content-type-options'), 'nosniff');
    const missing = await fetch(`${url}no/such/page/`);
    assert.equal(missing.status, 404);
    assert.equal((await missing.text()).replace(/<script src="\/\.arshif\/[^>]+><\/script>/, ''), readFileSync(join(root, '_site', '404.html'), 'utf8'));
    assert.equal((await fetch(`${url}articles/${ADDED}/`)).status, 404, 'not there before it is added');
  });

  it('`npm run add`: one rebuild, one log line naming the article and its source, a reload event, the page reloaded', async () => {
    events = listen(url + LIVE_RELOAD_PATH.slice(1));
    await page.goto(url);
    await page.evaluate(() => {
      (window as unknown as { beforeReload: boolean }).beforeReload = true;
    });
    const from = log.lines.length;
    const reloaded = page.waitForEvent('load', { timeout: WAIT_MS });
    const added = runIn(root, 'src/cli/add.ts', [RAW]);
    assert.equal(added.status, 0, added.stderr);
    const line = await log.next(/rebuilt in|problem/, from);
    assert.match(line, new RegExp(`^arshif: 1 article added: content/articles/${ADDED}\\.md; 1 source added: content/sources/[^ ;]+; rebuilt in \\d+\\.\\d s$`));
    await reloaded;
    assert.equal(await page.evaluate(() => (window as unknown as { beforeReload?: boolean }).beforeReload), undefined, 'the page was loaded again');
    assert.ok(events.builds.length >= 2 && events.builds.at(-1) !== events.builds[0], `a new build was announced: ${events.builds.join(', ')}`);
    const article = await fetch(`${url}articles/${ADDED}/`);
    assert.equal(article.status, 200);
    assert.match(await article.text(), /قوات سوريا الديمقراطية تعلن السيطرة على مواقع جديدة قرب الباغوز/);
    assert.equal(log.lines.slice(from).filter((l) => /rebuilt in/.test(l)).length, 1, 'one rebuild for the files add wrote');
  });

  it('a bad edit: the problem in one line, the last good site still served; the fix builds again', async () => {
    const file = join(root, 'content', 'articles', `${ADDED}.md`);
    const good = readFileSync(file, 'utf8');
    const from = log.lines.length;
    const announced = events.builds.length;
    writeFileSync(file, good.replace(/^date: 2019-03-23$/m, 'date: 2019-02-30'));
    const summary = await log.next(/problems? found/, from);
    assert.match(summary, /^arshif: 1 problem found; the site was not built \(still serving the last good site from _site; save a fix to build again\)\.$/);
    const said = log.lines.slice(from);
    assert.deepEqual(said[0], `arshif: 1 article changed: content/articles/${ADDED}.md`);
    assert.equal(said.length, 3, said.join('\n'));
    assert.match(said[1] ?? '', new RegExp(`^content/articles/${ADDED}\\.md:\\d+: .*2019-02-30`));
    assert.equal((await fetch(`${url}articles/${ADDED}/`)).status, 200, 'the last good site is served');
    assert.equal(events.builds.length, announced, 'no reload for a build that failed');
    const again = log.lines.length;
    writeFileSync(file, good);
    assert.match(await log.next(/rebuilt in|problem/, again), /^arshif: 1 article changed: .*; rebuilt in/);
  });

  it('an edit to a template in layouts/pages/ is picked up without a restart', async () => {
    const template = join(root, 'layouts', 'pages', 'about.njk');
    const from = log.lines.length;
    writeFileSync(template, readFileSync(template, 'utf8').replace('</h1>', ' (loop-test)</h1>'));
    assert.match(await log.next(/rebuilt in|problem/, from), /^arshif: layouts\/pages\/about\.njk changed; rebuilt in/);
    assert.match(await (await fetch(`${url}about/`)).text(), /\(loop-test\)<\/h1>/);
  });
});
