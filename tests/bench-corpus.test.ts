/**
 * The benchmark's synthetic archive (src/bench/corpus.ts): the PRNG and Zipf draws, the same
 * archive for the same seed, article i independent of N, bodies of 5–10 kB, dates within
 * 2011–2025, a generated content folder that the project's own loader accepts, and a
 * vocabulary that grows as tuned (on the order of 100,000 distinct forms at 10,000 articles).
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  BODY_MAX_BYTES,
  BODY_MIN_BYTES,
  DistinctWords,
  FIRST_DATE,
  LAST_DATE,
  SEED_ARTICLES,
  VOCABULARY_TARGET,
  digestSeeds,
  generateArticle,
  generateArticles,
  generateEvents,
  heapsFit,
  lexiconWord,
  mixSeed,
  mulberry32,
  replaceSeedPlaces,
  withClitic,
  zipfRank,
  type GeneratedEvent,
  type Seeds,
} from '../src/bench/corpus.ts';
import { addArticle, readSeedInput, writeArchive } from '../src/cli/bench.ts';
import { loadContent } from '../src/content/load.ts';
import { formatProblem } from '../src/core/problem.ts';
import { DEFAULT_CONTENT_DIR } from '../src/core/paths.ts';
import { tempDir } from './helpers/site.ts';

let seeds: Seeds;
let events: GeneratedEvent[];

before(() => {
  seeds = digestSeeds(readSeedInput(DEFAULT_CONTENT_DIR));
  events = generateEvents(seeds, 1);
});

describe('random numbers', () => {
  it('mulberry32 repeats its sequence for a seed, and differs between seeds', () => {
    const take = (seed: number) => {
      const r = mulberry32(seed);
      return Array.from({ length: 5 }, () => r());
    };
    assert.deepEqual(take(42), take(42));
    assert.notDeepEqual(take(42), take(43));
    for (const x of take(7)) assert.ok(x >= 0 && x < 1);
    assert.notEqual(mixSeed(1, 5), mixSeed(1, 6));
    assert.notEqual(mixSeed(1, 5), mixSeed(2, 5));
  });

  it('zipfRank stays in range and favours low ranks as a power law', () => {
    const r = mulberry32(3);
    const counts = new Map<number, number>();
    for (let i = 0; i < 100_000; i++) {
      const rank = zipfRank(r, 1000, 1);
      assert.ok(rank >= 1 && rank <= 1000);
      counts.set(rank, (counts.get(rank) ?? 0) + 1);
    }
    const c1 = counts.get(1) ?? 0;
    const c10 = counts.get(10) ?? 0;
    const c100 = counts.get(100) ?? 0;
    assert.ok(c1 > c10 && c10 > c100, `${c1} > ${c10} > ${c100}`);
    // About ten times less frequent for a rank ten times higher (s = 1), within sampling noise.
    assert.ok(c10 / c100 > 5 && c10 / c100 < 20, `rank 10 / rank 100 = ${(c10 / c100).toFixed(1)}`);
  });
});

describe('words', () => {
  it('lexicon words are Arabic letters, nearly all distinct across ranks, and the same for a rank', () => {
    const seen = new Set<string>();
    for (let rank = 1; rank <= 20_000; rank++) {
      const w = lexiconWord(rank);
      assert.match(w, /^[\u0621-\u064A]+$/u);
      seen.add(w);
    }
    // Ranks map one-to-one onto (pattern, root) pairs; a few pairs spell alike (يXيY from two patterns).
    assert.ok(seen.size >= 19_950, `${seen.size} distinct of 20,000`);
    assert.equal(lexiconWord(123), lexiconWord(123));
  });

  it('clitics are written as Arabic writes them', () => {
    assert.equal(withClitic('الرقة', 'و'), 'والرقة');
    assert.equal(withClitic('الرقة', 'ب'), 'بالرقة');
    assert.equal(withClitic('الرقة', 'لل'), 'للرقة');
    assert.equal(withClitic('الرقة', 'ال'), 'الرقة');
    assert.equal(withClitic('مدينة', 'ال'), 'المدينة');
    assert.equal(withClitic('مدينة', 'لل'), 'للمدينة');
  });

  it("the seed events' places give way to an article's own place, clitics kept", () => {
    assert.equal(replaceSeedPlaces(seeds, 'في الباغوز وبالباغوز وللرقة، قرب دير الزور', 'حلب'), 'في حلب وبحلب ولحلب، قرب حلب');
    assert.equal(replaceSeedPlaces(seeds, 'الباغوزي', 'حلب'), 'الباغوزي');
  });
});

describe('articles', () => {
  it('are the same for the same seed and index, whatever N, and differ with the seed', () => {
    const a = generateArticle(seeds, events, 17, { seed: 1 });
    const b = generateArticle(seeds, events, 17, { seed: 1 });
    assert.equal(a.text, b.text);
    assert.equal(a.sourceText, b.sourceText);
    assert.notEqual(generateArticle(seeds, events, 17, { seed: 2 }).text, a.text);
    const short = [...generateArticles(seeds, events, 20, { seed: 1 })];
    const long = [...generateArticles(seeds, events, 40, { seed: 1 })];
    assert.equal(short.length, 20 - SEED_ARTICLES);
    assert.deepEqual(
      long.slice(0, short.length).map((x) => x.text),
      short.map((x) => x.text),
    );
    assert.deepEqual(generateEvents(seeds, 1), events);
  });

  it('have bodies of 5–10 kB and dates from 2011 to 2025, spread over the years', () => {
    const years = new Set<string>();
    for (const article of generateArticles(seeds, events, 400, { seed: 9 })) {
      assert.ok(article.bodyBytes >= BODY_MIN_BYTES && article.bodyBytes <= BODY_MAX_BYTES, `${article.id}: ${article.bodyBytes} bytes`);
      assert.equal(Buffer.byteLength(article.body), article.bodyBytes);
      assert.ok(article.date >= FIRST_DATE && article.date <= LAST_DATE, `${article.id}: ${article.date}`);
      years.add(article.date.slice(0, 4));
    }
    assert.equal(years.size, 15, `years: ${[...years].sort().join(' ')}`);
  });

  it('name the seed events only inside their dates, and synthetic events exist with their places', () => {
    const byId = new Map(events.map((e) => [e.id, e]));
    assert.ok(events.filter((e) => e.text).length >= 10);
    let named = 0;
    for (const article of generateArticles(seeds, events, 400, { seed: 1 })) {
      const ids = /^events: \[(.*)\]$/m.exec(article.text)?.[1]?.split(', ').filter(Boolean) ?? [];
      for (const id of ids) {
        const event = byId.get(id);
        assert.ok(event, `${article.id}: unknown event ${id}`);
        assert.ok(article.date >= event.start && article.date <= event.end, `${article.id} (${article.date}) names ${id} (${event.start}–${event.end})`);
        if (id === 'baghuz-2019' || id === 'raqqa-2017') named++;
      }
    }
    assert.ok(named > 0, 'some generated articles are about the seed events');
  });
});

describe('the generated content folder', () => {
  let dir: string;
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('for N = 30, and with one more article, passes the loader the build uses', () => {
    dir = tempDir('arshif-bench-test-');
    const contentDir = join(dir, 'content');
    const { archive, report } = writeArchive(contentDir, 30, 1);
    assert.equal(report.articles, 30);
    assert.equal(report.generated, 30 - SEED_ARTICLES);
    let { content, problems } = loadContent(contentDir);
    assert.deepEqual(problems.map(formatProblem), []);
    assert.equal(content.articles.length, 30);
    assert.equal(content.events.length, report.events);
    addArticle(archive, 30);
    ({ content, problems } = loadContent(contentDir));
    assert.deepEqual(problems.map(formatProblem), []);
    assert.equal(content.articles.length, 31);
  });
});

describe('vocabulary growth', () => {
  it("grows as Heaps' law towards ~100,000 distinct forms at 10,000 articles", () => {
    const counter = new DistinctWords();
    for (const a of readSeedInput(DEFAULT_CONTENT_DIR).articles) counter.add(`${a.title}\n${a.body}`);
    const points: Array<{ n: number; distinct: number }> = [];
    let n = SEED_ARTICLES;
    for (const article of generateArticles(seeds, events, 1000, { seed: 1 })) {
      counter.add(`${article.title}\n${article.body}`);
      n++;
      if (n === 100 || n === 300 || n === 1000) points.push({ n, distinct: counter.size });
    }
    const fit = heapsFit(points);
    const at300 = points.find((p) => p.n === 300)?.distinct ?? 0;
    const extrapolated = fit.at(VOCABULARY_TARGET.articles);
    console.log(
      `bench corpus: distinct word forms ${points.map((p) => `N=${p.n}: ${p.distinct}`).join(', ')}; ` +
        `Heaps fit ${fit.k.toFixed(0)}·N^${fit.beta.toFixed(3)} → ${Math.round(extrapolated)} at N=${VOCABULARY_TARGET.articles}`,
    );
    assert.ok(points.every((p, i) => i === 0 || p.distinct > (points[i - 1] as { distinct: number }).distinct));
    assert.ok(fit.beta > 0.4 && fit.beta < 0.9, `Heaps exponent ${fit.beta}`);
    assert.ok(extrapolated > 70_000 && extrapolated < 140_000, `extrapolated to ${Math.round(extrapolated)} at 10,000 articles`);
    // At N = 300, the tuned curve (103,807 measured at N = 10,000) passes through ~12,400.
    assert.ok(at300 > 10_000 && at300 < 15_000, `N=300: ${at300}`);
  });
});
