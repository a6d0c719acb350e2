/**
 * `add` on the five seed texts reproduces what a careful editor established (GOLD.yml, copied
 * from shared/seeds into tests/fixtures/gold/): title, outlet, date and date basis, every place,
 * no boilerplate in a body, and 000's photo gallery kept apart. Without --date, the two texts
 * that state no date are refused with a message asking for one, and 001's year is inferred.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { foldArabic } from '../src/arabic/normalise.ts';
import { addFiles, type FileOutcome } from '../src/cli/add.ts';
import { DEFAULT_CONTENT_DIR, PROJECT_ROOT } from '../src/core/paths.ts';
import { copySeedContent } from './helpers/site.ts';

interface Gold {
  file: string;
  title: string;
  outlet: { ar: string; en: string };
  date: string;
  basis: 'stated' | 'inferred' | 'editor';
  places: string[];
  events: string[];
  agencies?: string[];
  author?: string;
  boilerplate: string[];
}

const GOLD = parse(readFileSync(join(PROJECT_ROOT, 'tests', 'fixtures', 'gold', 'GOLD.yml'), 'utf8'), { schema: 'core' }) as Gold[];
const OUTLET_KEYS: Record<string, string> = {
  'DW Arabic (Deutsche Welle)': 'dw-arabic',
  'Alkhabar TV': 'alkhabar-tv',
  'Al-Seyassah': 'al-seyassah',
  'Al Khaleej': 'al-khaleej',
  'Rojava Network': 'rojava-network',
};
const TODAY = { year: 2026, month: 11, day: 21 };

/**
 * A copy of content/ without its articles and raw sources, so the seeds can be added anew (and
 * without the events' milestones, which name those articles).
 */
function emptyArchive(): string {
  const dir = copySeedContent();
  for (const folder of ['articles', 'sources']) for (const name of readdirSync(join(dir, folder))) rmSync(join(dir, folder, name));
  for (const name of readdirSync(join(dir, 'events'))) {
    const path = join(dir, 'events', name);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^milestones:\n(?: {2}.*\n)*/m, ''));
  }
  return dir;
}

const seedPath = (gold: Gold) => join(DEFAULT_CONTENT_DIR, 'sources', gold.file);

describe('add on the five seeds', () => {
  const outcomes = new Map<string, FileOutcome>();

  before(async () => {
    const contentDir = emptyArchive();
    for (const gold of GOLD) {
      const date = gold.basis === 'editor' ? gold.date : undefined;
      const [outcome] = await addFiles([seedPath(gold)], { contentDir, date, today: TODAY });
      outcomes.set(gold.file, outcome as FileOutcome);
    }
  });

  for (const gold of GOLD) {
    it(`reproduces ${gold.file}`, () => {
      const outcome = outcomes.get(gold.file);
      assert.ok(outcome?.result?.status === 'ok', outcome?.messages.join('\n'));
      const { frontMatter: fm, body } = outcome.result.article;
      assert.equal(fm.title, gold.title);
      assert.equal(fm.outlet, OUTLET_KEYS[gold.outlet.en]);
      assert.equal(fm.date, gold.date);
      assert.equal(fm.date_basis, gold.basis);
      for (const place of gold.places) assert.ok(fm.places.includes(place), `${place} found (found: ${fm.places.join('، ')})`);
      assert.deepEqual([...fm.agencies].sort(), [...(gold.agencies ?? [])].sort());
      assert.equal(fm.author, gold.author ?? null);
      assert.deepEqual(fm.events, gold.events);
      const lines = new Set(body.split('\n').map((l) => foldArabic(l.replace(/\\/g, ''))));
      for (const boilerplate of gold.boilerplate) {
        assert.ok(!lines.has(foldArabic(boilerplate)), `boilerplate "${boilerplate}" left in the body`);
      }
      assert.ok(!body.includes(gold.title), 'the headline is not repeated in the body');
    });
  }

  it("keeps 000's photo gallery apart from the body", () => {
    const outcome = outcomes.get('000_3f254b3f231ddcb4.txt');
    assert.ok(outcome?.result?.status === 'ok');
    const { frontMatter: fm, body } = outcome.result.article;
    assert.equal(fm.related_material.length, 1);
    const gallery = fm.related_material[0];
    assert.ok(gallery);
    assert.equal(gallery.kind, 'gallery');
    assert.equal(gallery.title, 'عاصمة "داعش" السرية في قبضة قوات سوريا الديمقراطية');
    assert.ok(gallery.items.length >= 7, `${gallery.items.length} items`);
    assert.equal(gallery.credit, 'كونستانتين كلاين/ م.أ.م');
    assert.ok(gallery.places.includes('الرقة') && gallery.places.includes('عين عيسى'));
    assert.deepEqual(gallery.events, ['raqqa-2017']);
    assert.ok(!fm.places.includes('الرقة'), 'the gallery’s places are not the article’s');
    assert.ok(!body.includes('عين عيسى') && !body.includes('في الطريق نحو الرقة'), 'no gallery text in the body');
  });

  it("turns 004's hashtags into tags", () => {
    const outcome = outcomes.get('004_82199af67069a872.txt');
    assert.ok(outcome?.result?.status === 'ok');
    const { frontMatter: fm, body } = outcome.result.article;
    assert.deepEqual(new Set(fm.tags), new Set(['داعش', 'سوريا', 'الباغوز', 'الإدارة الذاتية الديمقراطية']));
    assert.doesNotMatch(body, /#\p{L}/u, 'no hashtag left in the body');
    assert.match(body, /^## إعلان النصر إيذان بمرحلة جديدة$/m, 'the in-text subheading is a heading');
  });

  it('refuses 003 and 004 without --date, asking for one, and infers 001’s year', async () => {
    const contentDir = emptyArchive();
    for (const file of ['003_46747d5c7beb1e50.txt', '004_82199af67069a872.txt']) {
      const [outcome] = await addFiles([join(DEFAULT_CONTENT_DIR, 'sources', file)], { contentDir, today: TODAY });
      assert.equal(outcome?.exit, 1);
      assert.match(outcome?.messages.join('\n') ?? '', /no publication date found.*--date YYYY-MM-DD/);
    }
    const [inferred] = await addFiles([join(DEFAULT_CONTENT_DIR, 'sources', '001_81b2e9526438038c.txt')], { contentDir, dryRun: true, today: TODAY });
    assert.ok(inferred?.result?.status === 'ok');
    assert.equal(inferred.result.article.frontMatter.date, '2019-03-23');
    assert.equal(inferred.result.article.frontMatter.date_basis, 'inferred');
  });

  it('refuses a raw text the archive already holds, naming it', async () => {
    const [outcome] = await addFiles([seedPath(GOLD[0] as Gold)], { contentDir: copySeedContent(), today: TODAY });
    assert.equal(outcome?.exit, 2);
    assert.match(outcome?.messages[0] ?? '', /already holds this exact text as sources\/000_3f254b3f231ddcb4\.txt/);
  });
});
