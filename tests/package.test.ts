/**
 * `npm run package`: the seed archive as a zipped BagIt bag (RFC 8493) that validates, holds
 * content/ byte for byte, is byte-identical from two runs, and whose damage `--verify` catches
 * (one byte changed in a payload file, in a tag file, in the zip itself; a file added or
 * removed). Then the refusals: no organisation, an existing file, a broken archive. The pure
 * part (src/package/bag.ts) is checked on small bags too.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { describe, it } from 'node:test';
import yauzl from 'yauzl';
import { decodeManifestPath, encodeManifestPath, makeBag, verifyBag } from '../src/package/bag.ts';
import { readZip, writeZip } from '../src/package/zip.ts';
import { DEFAULT_CONTENT_DIR, PROJECT_ROOT } from '../src/core/paths.ts';
import { copySeedContent, seedSiteDir, tempDir } from './helpers/site.ts';

const CLI = join(PROJECT_ROOT, 'src', 'cli', 'package.ts');
const TSX = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(TSX, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The zip's entries as yauzl reads its central directory. */
function zipEntries(path: string): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: false, autoClose: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const out: yauzl.Entry[] = [];
      zip.on('entry', (e: yauzl.Entry) => out.push(e));
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
    });
  });
}

const ARGS = ['--organisation', 'مؤسسة الاختبار', '--bagging-date', '2026-12-01'];

function contentFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

describe('the bag of the seed archive', () => {
  const dir = tempDir();
  const first = join(dir, 'a', 'arshif-seed.zip');
  const second = join(dir, 'b', 'arshif-seed.zip');

  it('is written, and two runs are byte-identical', () => {
    for (const out of [first, second]) {
      mkdirSync(dirname(out), { recursive: true });
      const r = run([...ARGS, '--out', out]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /wrote a BagIt bag of \d+ payload files/);
    }
    assert.ok(readFileSync(first).equals(readFileSync(second)), 'the two zips differ');
  });

  it('validates, with --verify and as RFC 8493 describes', async () => {
    const r = run(['--verify', first]);
    assert.equal(r.code, 0, r.stderr);
    const { folder, files } = await readZip(first);
    assert.equal(folder, 'arshif-seed');
    assert.deepEqual(verifyBag(files), []);
    assert.equal(files.get('bagit.txt')?.toString(), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    const info = files.get('bag-info.txt')?.toString() ?? '';
    for (const line of [
      'Source-Organization: مؤسسة الاختبار',
      'Bagging-Date: 2026-12-01',
      'Title: أرشيف',
      'Date-Start: 2017-10-18',
      'Date-End: 2019-03-23',
      'Article-Count: 5',
      'Event-Count: 2',
    ])
      assert.ok(info.split('\n').includes(line), line);
    assert.match(info, /^Payload-Oxum: \d+\.\d+$/m);
    assert.ok(files.has('tagmanifest-sha256.txt') && files.has('manifest-sha256.txt'));
  });

  it('holds content/ byte for byte, raw sources included', async () => {
    const { files } = await readZip(first);
    const payload = [...files.keys()].filter((p) => p.startsWith('data/')).sort();
    assert.deepEqual(
      payload,
      contentFiles(DEFAULT_CONTENT_DIR).map((p) => `data/content/${p}`),
    );
    for (const p of contentFiles(DEFAULT_CONTENT_DIR)) assert.ok(files.get(`data/content/${p}`)?.equals(readFileSync(join(DEFAULT_CONTENT_DIR, p))), p);
    assert.ok(payload.some((p) => p.startsWith('data/content/sources/')));
  });

  /** A copy of the bag with `change` applied to its files, written as a zip like the tool writes. */
  async function damaged(name: string, change: (files: Map<string, Buffer>) => void): Promise<string> {
    const { folder, files } = await readZip(first);
    change(files);
    const out = join(dir, `${name}.zip`);
    await writeZip(
      out,
      folder as string,
      [...files].map(([path, bytes]) => ({ path, bytes })),
    );
    return out;
  }

  it('--verify catches one byte changed in a raw source', async () => {
    const source = 'data/content/sources/000_3f254b3f231ddcb4.txt';
    const out = await damaged('one-byte', (files) => {
      const bytes = Buffer.from(files.get(source) as Buffer);
      bytes[100] = (bytes[100] as number) ^ 0x01;
      files.set(source, bytes);
    });
    const r = run(['--verify', out]);
    assert.equal(r.code, 1);
    assert.ok(r.stderr.includes(`${source}: its sha256 differs from manifest-sha256.txt`), r.stderr);
  });

  it('--verify catches a changed tag file, an added and a removed payload file', async () => {
    const out = await damaged('tags', (files) => {
      files.set('bag-info.txt', Buffer.from(`${files.get('bag-info.txt')?.toString()}Contact-Name: x\n`));
      files.set('data/content/extra.txt', Buffer.from('x'));
      files.delete('data/content/data/site.yml');
    });
    const r = run(['--verify', out]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /bag-info\.txt: its sha256 differs from tagmanifest-sha256\.txt/);
    assert.match(r.stderr, /data\/content\/extra\.txt: in the payload but not in manifest-sha256\.txt/);
    assert.match(r.stderr, /data\/content\/data\/site\.yml: listed in manifest-sha256\.txt but missing/);
    assert.match(r.stderr, /Payload-Oxum/);
  });

  it("--verify catches one byte changed in the zip file: in a file's compressed data, or in the directory's CRC-32", async () => {
    const zip = readFileSync(first);
    // the largest entry's compressed data: its local header is 30 bytes, then its name and extra field
    const entries = await zipEntries(first);
    const largest = entries.sort((a, b) => b.compressedSize - a.compressedSize)[0] as (typeof entries)[number];
    const header = largest.relativeOffsetOfLocalHeader;
    const dataStart = header + 30 + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28);
    // the central directory record's CRC-32 of the first entry (16 bytes into the record)
    const directory = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    for (const at of [dataStart + Math.floor(largest.compressedSize / 2), directory + 16]) {
      const broken = Buffer.from(zip);
      broken[at] = (broken[at] as number) ^ 0x01;
      const out = join(dir, `zip-byte-${at}.zip`);
      writeFileSync(out, broken);
      const r = run(['--verify', out]);
      assert.equal(r.code, 1, `byte ${at}: ${r.stdout}`);
      assert.equal(r.stderr.trim().split('\n').length >= 1 && !/\n\s+at /.test(r.stderr), true, `one-line messages, no stack trace: ${r.stderr}`);
    }
  });
});

describe('npm run package --site', () => {
  it('adds a whole built site under data/site/, and refuses one that is not whole', async () => {
    const siteDir = await seedSiteDir();
    const out = join(tempDir(), 'with-site.zip');
    const r = run([...ARGS, '--site', siteDir, '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(run(['--verify', out]).code, 0);
    const { files } = await readZip(out);
    assert.ok(files.get('data/site/index.html')?.equals(readFileSync(join(siteDir, 'index.html'))));
    assert.ok(files.has('data/site/export/articles.csv'));
    assert.match(files.get('bag-info.txt')?.toString() ?? '', /site\/: the built static site/);

    const copy = join(tempDir(), '_site');
    cpSync(siteDir, copy, { recursive: true });
    writeFileSync(join(copy, 'index.html'), 'changed');
    const refused = run([...ARGS, '--site', copy, '--out', join(tempDir(), 'y.zip')]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /index\.html: differs from the manifest/);
    assert.match(refused.stderr, /the site is not whole; rebuild it/);
  });
});

describe('npm run package refuses', () => {
  it('without a source organisation, saying which flag to pass', () => {
    const out = join(tempDir(), 'x.zip');
    const r = run(['--bagging-date', '2026-12-01', '--out', out], { ARSHIF_ORGANISATION: '' });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /pass --organisation/);
    assert.ok(!existsSync(out));
  });

  it('to overwrite an existing file without --force', () => {
    const out = join(tempDir(), 'x.zip');
    writeFileSync(out, 'mine');
    const r = run([...ARGS, '--out', out]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /already exists; pass --force/);
    assert.equal(readFileSync(out, 'utf8'), 'mine');
    assert.equal(run([...ARGS, '--out', out, '--force']).code, 0);
  });

  it('a broken archive, naming the file and writing nothing', () => {
    const contentDir = copySeedContent();
    const article = join(contentDir, 'articles', '2019-03-23-dw-arabic-sdf-declares-end-of-caliphate.md');
    writeFileSync(article, readFileSync(article, 'utf8').replace('date: 2019-03-23', 'date: 2019-02-30'));
    const out = join(tempDir(), 'x.zip');
    const r = run([...ARGS, '--content', contentDir, '--out', out]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /2019-03-23-dw-arabic-sdf-declares-end-of-caliphate\.md:\d+: date/);
    assert.ok(!existsSync(out));
  });

  it('a bad bagging date', () => {
    const r = run(['--organisation', 'x', '--bagging-date', '2026-02-30', '--out', join(tempDir(), 'x.zip')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /--bagging-date "2026-02-30" is not a date/);
  });
});

describe('src/package/bag.ts', () => {
  it('percent-encodes CR, LF and % in manifest paths and reads them back', () => {
    const path = 'data/a%b\nc\rd.txt';
    assert.equal(encodeManifestPath(path), 'data/a%25b%0Ac%0Dd.txt');
    assert.equal(decodeManifestPath(encodeManifestPath(path)), path);
    const bag = makeBag([{ path: 'a%b\nc.txt', bytes: Buffer.from('x') }], [['Source-Organization', 'o']]);
    assert.deepEqual(verifyBag(new Map(bag.map((f) => [f.path, f.bytes]))), []);
  });

  it('an empty payload is a valid bag with Payload-Oxum 0.0', () => {
    const bag = makeBag([], []);
    const files = new Map(bag.map((f) => [f.path, f.bytes]));
    assert.deepEqual(verifyBag(files), []);
    assert.match(files.get('bag-info.txt')?.toString() ?? '', /^Payload-Oxum: 0\.0$/m);
  });

  it('names what is wrong with a bag that is not one', () => {
    assert.deepEqual(verifyBag(new Map()), ['bagit.txt: missing; this is not a BagIt bag']);
    const bag = new Map(makeBag([{ path: 'x', bytes: Buffer.from('1') }], []).map((f) => [f.path, f.bytes]));
    bag.set('manifest-sha256.txt', Buffer.from('not a line\n'));
    assert.ok(verifyBag(bag).some((p) => p.startsWith('manifest-sha256.txt:1: not a "SHA256  PATH" line')));
  });
});
