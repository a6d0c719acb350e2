/**
 * The outlet: outlets.yml and aggregators.yml as data (at least 250 outlets, no domain or
 * masthead name shared by two outlets), addresses unwrapped, credit lines read, and no false
 * outlet in any running text we have (the seeds' and fixtures' bodies, and sentences full of
 * the ordinary words some outlets are named after). --new-outlet keeps outlets.yml's text.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseIsoDate } from '../src/arabic/calendar.ts';
import { loadContent } from '../src/content/load.ts';
import { addFiles } from '../src/cli/add.ts';
import { coverage, originalAddress } from '../src/ingest/address.ts';
import { loadIngestData } from '../src/content/ingest-data.ts';
import { toLines, type Line } from '../src/ingest/lines.ts';
import { proposeOutlet, withOutletAppended } from '../src/ingest/new-outlet.ts';
import { addressOwners, decideOutlet, mirroredOutlet, textClues } from '../src/ingest/outlet.ts';
import { leadCredits, lineCredits } from '../src/ingest/outlet-credits.ts';
import { createOutletNames, isGenericName } from '../src/ingest/outlet-names.ts';
import { createSignoffIndex } from '../src/ingest/signoff.ts';
import { DEFAULT_CONTENT_DIR, PROJECT_ROOT } from '../src/core/paths.ts';
import { copySeedContent } from './helpers/site.ts';

const { data, problems } = loadIngestData(DEFAULT_CONTENT_DIR);
const outlets = data.content.outlets.entries;
const aggregators = data.aggregators;
const names = createOutletNames(outlets);
const agencies = createSignoffIndex(data.agencies, names);
const isAgency = (name: string) => agencies.agency(name) !== undefined;
const TODAY = parseIsoDate('2026-11-21') ?? assert.fail('a date');

describe('outlets.yml and aggregators.yml', () => {
  it('load without a problem', () => assert.deepEqual(problems, []));

  it('list at least 250 outlets', () => assert.ok(Object.keys(outlets).length >= 250, `${Object.keys(outlets).length} outlets`));

  it('give no domain to two outlets, nor to an outlet and an aggregator, nor twice to one', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    const claim = (domain: string, who: string) => {
      const d = domain.toLowerCase();
      const other = owner.get(d);
      if (other) clashes.push(other === who ? `${d}: twice in ${who}` : `${d}: ${other} and ${who}`);
      owner.set(d, who);
    };
    for (const [key, o] of Object.entries(outlets)) for (const d of o.domains) claim(d, key);
    for (const [key, a] of Object.entries(aggregators)) for (const d of a.domains) claim(d, `aggregator ${key}`);
    assert.deepEqual(clashes, []);
  });

  it('give no masthead name (name_ar, name_en, alias, folded) to two outlets', () => {
    const shared = names
      .entries()
      .filter(([, keys]) => keys.length > 1)
      .map(([name, keys]) => `${name}: ${keys.join(', ')}`);
    assert.deepEqual(shared, []);
  });

  it('identify the outlets behind the addresses the issue names', () => {
    const expected: Record<string, string> = {
      'https://www.eremnews.com/news/arab-world/1712345': 'eremnews',
      'https://thenewkhalij.news/article/123/x': 'thenewkhalij',
      'https://baghdadtoday.news/97795-.html': 'baghdad-today',
      'https://radiomasr.net/news/1': 'radio-masr',
      'https://www.emaratalyoum.com/politics/news/2019-03-23-1.1': 'emarat-alyoum',
      'https://www.arabstoday.net/1/2.html': 'arabstoday',
      'https://microsyria.com/2019/03/23/x/': 'microsyria',
      'https://m.enabbaladi.net/archives/1': 'enab-baladi',
      'https://amp.alarabiya.net/ar/arab-and-world/syria/2019/03/23/x': 'al-arabiya',
      'https://masress.com/soutelomma/1528618': 'sout-al-omma',
    };
    for (const [url, key] of Object.entries(expected)) {
      const address = originalAddress(url);
      assert.ok(address, url);
      assert.deepEqual(addressOwners(address, outlets, aggregators).outlets, [key], url);
    }
    const section = (url: string) => addressOwners(originalAddress(url) ?? assert.fail(url), outlets, aggregators);
    assert.deepEqual(section('https://masress.com/youm7/123').outlets, ['youm7'], "an aggregator's section named for an outlet's domain");
    assert.deepEqual(section('https://sauress.com/okaz/1709781').outlets, ['okaz']);
    assert.equal(section('https://masress.com/nosuchpaper/1').aggregator, 'masress', 'a section named for no outlet names none');
    assert.equal(section('https://www.msn.com/ar-ae/news/x').aggregator, 'msn', 'an aggregator without sections names none');
  });

  it('identify outlets by a language path, a network subdomain or an aggregator section named otherwise, and no further', () => {
    const owners = (url: string) => addressOwners(originalAddress(url) ?? assert.fail(url), outlets, aggregators);
    assert.deepEqual(owners('https://www.zawya.com/ar/economy/gcc/x').outlets, ['zawya-arabic'], 'the Arabic edition of a site is its path');
    assert.deepEqual(owners('https://www.zawya.com/en/economy/gcc/x').outlets, [], 'and its other editions are not that outlet');
    assert.deepEqual(owners('https://kayhan.ir/ar/news/1').outlets, ['kayhan-arabic']);
    assert.deepEqual(owners('https://kayhan.ir/fa/news/1').outlets, []);
    assert.deepEqual(owners('https://ultrairaq.ultrasawt.com/x').outlets, ['ultra-iraq'], 'each network site its own outlet');
    assert.deepEqual(owners('https://ultrasudan.ultrasawt.com/x').outlets, ['ultra-sudan']);
    assert.deepEqual(owners('https://ar.yabiladi.com/articles/details/1').outlets, ['yabiladi'], "a language subdomain is the outlet's");
    assert.deepEqual(owners('https://www.masress.com/akhbarelyomgate/1').outlets, ['akhbar-el-yom'], 'a section whose name is not the domain');
    assert.equal(owners('https://algardenia.com/2014-04-04-19-52-20/qosqsah/1.html').aggregator, 'algardenia', 'a digest of other outlets names none');
  });

  it('identify each outlet by every domain it lists, and by its subdomains: the longest domain wins', () => {
    const wrong: string[] = [];
    for (const [key, outlet] of Object.entries(outlets)) {
      for (const domain of outlet.domains) {
        const [host, ...path] = domain.toLowerCase().split('/');
        for (const url of [`https://${domain}/x`, `https://m.${host}/${[...path, 'x'].join('/')}`]) {
          const address = originalAddress(url) ?? assert.fail(url);
          const found = addressOwners(address, outlets, aggregators).outlets;
          if (found.length !== 1 || found[0] !== key) wrong.push(`${url}: ${found.join(', ') || 'none'}, not ${key}`);
        }
      }
    }
    assert.deepEqual(wrong, []);
  });

  it("identify an outlet on its own subdomain or path of a larger site, and not the site's other pages", () => {
    const owners = (url: string) => addressOwners(originalAddress(url) ?? assert.fail(url), outlets, aggregators).outlets;
    assert.deepEqual(owners('https://staging.nn.najah.edu/news/Arabic/2020/01/01/1'), ['an-najah-news'], "a subdomain of the news site's subdomain");
    assert.deepEqual(owners('https://www.najah.edu/ar/about/'), [], "the university's own pages are not its news site's");
    assert.deepEqual(owners('https://shiawaves.com/arabic/news/1-x'), ['shiawaves-arabic']);
    assert.deepEqual(owners('https://shiawaves.com/english/news/1-x'), [], "nor are the English edition's");
  });

  it("name an outlet by its print edition's masthead, and only a known outlet", () => {
    assert.deepEqual(names.lookup('Al-Quds Al-Arabi International Edition'), ['al-quds-al-arabi']);
    assert.deepEqual(names.lookup('Enab Baladi UK Edition'), ['enab-baladi']);
    assert.deepEqual(names.lookup('عنب بلدي - الطبعة الدولية'), ['enab-baladi']);
    assert.deepEqual(names.lookup('Some Unknown Paper Edition'), []);
    // the qualifier does not make a one-word name specific
    assert.ok(isGenericName('الوطن - الطبعة الدولية'));
  });
  it('name an outlet by its name after the word for its medium, and never an outlet of another medium', () => {
    assert.deepEqual(names.lookup('صحيفة الشروق'), ['al-shorouk']);
    assert.deepEqual(names.lookup('موقع الشروق'), ['al-shorouk'], 'a website names no medium');
    // Algeria's daily الحوار and Egypt's daily الشروق are not magazines of the same name
    assert.deepEqual(names.lookup('مجلة الحوار'), []);
    assert.deepEqual(names.lookup('مجلة الشروق'), []);
    assert.deepEqual(names.lookup('قناة الشروق'), []);
  });
  it('have one-word names flagged as generic and longer names not', () => {
    for (const generic of ['الأخبار', 'اليوم', 'الحدث', 'النهار', 'الشرق', 'الوطن', 'تشرين', 'فبراير']) assert.ok(isGenericName(generic), generic);
    for (const specific of ['عنب بلدي', 'العرب اليوم', 'بغداد اليوم', 'هسبريس', 'Emarat Alyoum']) assert.ok(!isGenericName(specific), specific);
  });
});

describe('addresses', () => {
  const host = (url: string) => originalAddress(url)?.host;
  it('are read through web archives, AMP caches, proxies and redirectors', () => {
    assert.equal(host('https://web.archive.org/web/20190323101010/https://www.enabbaladi.net/archives/1'), 'enabbaladi.net');
    assert.equal(host('https://web.archive.org/web/2019id_/http://alsouria.net/x'), 'alsouria.net');
    assert.equal(host('https://archive.ph/newest/https://www.syria.tv/x'), 'syria.tv');
    assert.equal(host('https://www-enabbaladi-net.cdn.ampproject.org/c/s/www.enabbaladi.net/archives/1'), 'enabbaladi.net');
    assert.equal(host('https://www-al--monitor-com.translate.goog/ar/x?_x_tr_sl=ar'), 'al-monitor.com');
    assert.equal(host('https://www.google.com/url?q=https://www.aljazeera.net/news/x&sa=U'), 'aljazeera.net');
    assert.equal(host('https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.alquds.co.uk%2Fx'), 'alquds.co.uk');
    const b64 = Buffer.from('https://www.alaraby.co.uk/politics/x').toString('base64url');
    assert.equal(host(`https://www.newsengine.co/article/alaraby/${b64}`), 'alaraby.co.uk');
    assert.equal(host('https://www.enabbaladi.net/archives/1'), 'enabbaladi.net');
    assert.equal(host('not an address'), undefined);
  });
  it('take an unknown site whose path is named for a known outlet for a possible mirror, not a language or a section', () => {
    const a = (url: string) => originalAddress(url) ?? assert.fail(url);
    assert.equal(mirroredOutlet(a('https://copies.example/enabbaladi/2019/03/24/x'), outlets)?.key, 'enab-baladi');
    assert.equal(mirroredOutlet(a('https://copies.example/dw/ar/x/a-1'), outlets)?.key, 'dw-arabic');
    for (const url of ['https://copies.example/ar/news/x', 'https://copies.example/news/1', 'https://copies.example/archives/1', 'https://copies.example/2019/03/x']) {
      assert.equal(mirroredOutlet(a(url), outlets), undefined, url);
    }
  });
  it('match domains with their subdomains and paths on segment boundaries', () => {
    const a = (url: string) => originalAddress(url) ?? assert.fail(url);
    assert.ok(coverage('enabbaladi.net', a('https://english.enabbaladi.net/x')) > 0);
    assert.equal(coverage('enabbaladi.net', a('https://notenabbaladi.net/x')), 0);
    assert.ok(coverage('masress.com/soutelomma', a('https://masress.com/soutelomma/1')) > 0);
    assert.equal(coverage('masress.com/soutelomma', a('https://masress.com/soutelommax/1')), 0);
  });
});

describe('credit lines', () => {
  const credits = (line: string) => lineCredits(line).map((c) => `${c.form}:${c.name}`);
  it('read mastheads, bylines, source, copyright and exclusive lines', () => {
    assert.deepEqual(credits(' العرب اليوم -'), ['masthead:العرب اليوم']);
    assert.deepEqual(credits('Emarat Alyoum'), ['masthead:Emarat Alyoum']);
    assert.deepEqual(credits('عنب بلدي | سياسة'), ['byline:عنب بلدي', 'byline:سياسة']);
    assert.deepEqual(credits('السورية نت - ياسر العيسى'), ['byline:السورية نت', 'byline:ياسر العيسى']);
    assert.deepEqual(credits('بغداد اليوم-بغداد'), ['byline:بغداد اليوم', 'byline:بغداد']);
    assert.deepEqual(credits('المصدر: عنب بلدي + وكالات'), ['source:عنب بلدي']);
    assert.deepEqual(credits('© 2019 عنب بلدي. جميع الحقوق محفوظة'), ['copyright:عنب بلدي']);
    assert.deepEqual(credits('جميع الحقوق محفوظة لـ بلدي نيوز © 2024'), ['copyright:بلدي نيوز']);
    assert.deepEqual(credits('العدسة – خاص'), ['exclusive:العدسة']);
    // a date line naming its source after a dash
    assert.deepEqual(credits('آخر تحديث 2017-10-24 09:30:00 - المصدر: عنب بلدي'), ['source:عنب بلدي']);
    assert.deepEqual(credits('24.10.2017 | المصدر: عنب بلدي'), ['source:عنب بلدي']);
    assert.ok(!credits('الرقة - المصدر: عنب بلدي').some((c) => c.startsWith('source:')), 'only after a date line');
    assert.deepEqual(credits('أعلنت قوات سوريا الديمقراطية اليوم السبت القضاء التام على آخر جيب للتنظيم في بلدة الباغوز.'), []);
  });
  it('read no name in a label whose value is missing', () => {
    for (const label of ['Last Update :', 'Published :', 'By :', 'Last Update:', 'الكاتب :', 'كتب:', 'Source :']) assert.deepEqual(credits(label), [], label);
    // a dateline whose colon opened the text it stood before is read as before
    assert.deepEqual(credits('المكلا، نافذة اليمن:'), ['masthead:المكلا، نافذة اليمن']);
    assert.deepEqual(credits('الرقة - عنب بلدي:'), ['byline:الرقة', 'byline:عنب بلدي']);
  });
  it('read the dateline opening a text', () => {
    assert.ok(leadCredits('دمشق – «القدس العربي»: أعلنت القوات…').some((c) => c.name === 'القدس العربي'));
    assert.ok(leadCredits('السويداء – ميكروسيريا شيعت مدينة السويداء اليوم…').some((c) => c.name === 'ميكروسيريا'));
  });
});

/**
 * Every text we have, with the outlet that truly published it where it is known: the seed
 * articles' bodies, the fixtures' raw inputs (their outlet is the one their expectation writes;
 * a fixture that is refused names none, except those that are refused for naming outlets), and
 * sentences full of the ordinary words some outlets are named after.
 */
function runningTexts(): Array<{ where: string; text: string; outlet?: string }> {
  const texts: Array<{ where: string; text: string; outlet?: string }> = [];
  for (const a of data.content.articles) texts.push({ where: a.file, text: a.body, outlet: a.data.outlet });
  const fixtures = join(PROJECT_ROOT, 'tests', 'fixtures', 'ingest');
  for (const name of readdirSync(fixtures).sort()) {
    const input = join(fixtures, name, 'input.txt');
    const expected = join(fixtures, name, 'expected.txt');
    if (!existsSync(input) || !existsSync(expected)) continue;
    const written = /^outlet: (\S+)$/m.exec(readFileSync(expected, 'utf8'))?.[1];
    if (!written && name.startsWith('outlet-')) continue; // refused for the outlets it names
    const text = readFileSync(input, 'utf8');
    // A text refused for another reason (its date) is credited to the outlet the whole text names.
    const lines = toLines(text);
    const whole = written ?? decideOutlet({ parts: { lines, chrome: [], afterTitle: [], body: lines, signoffLines: [] }, outlets, names, aggregators, isAgency }).key;
    texts.push({ where: `ingest/${name}`, text, outlet: whole });
  }
  texts.push({
    where: 'sentences of ordinary words',
    text: [
      'الأخبار',
      'اليوم',
      'الحدث',
      'النهار',
      'الشرق',
      'الطريق',
      'الرافدين',
      'القاهرية',
      'سلطانة',
      'ميادين',
      'زيتون',
      'نون',
      'المجلة',
      'قطعت القوات الطريق الدولي، وقالت سيدة بغدادية إن القاهرية والرافدين في الأخبار.',
      'نشرت صحيفة الأخبار اليوم تقريراً عن الشرق الأوسط والحدث الأبرز في النهار.',
      'وقال الوطن إن الخليج والعربية والجزيرة والمدينة شهدت الحدث اليوم.',
      'الشرق الأوسط - تقرير',
      'دمشق - وكالات: أعلنت القوات السيطرة على البلدة.',
      'السياسة - الاقتصاد - الرياضة',
      'المصدر: وكالات',
      'المصدر: سانا',
      'دمشق-سانا',
      'شباط - آذار 2019',
      'الرئيسية / أخبار / سوريا',
      'شارك فيسبوك تويتر واتساب',
    ].join('\n'),
  });
  return texts;
}

describe('no false outlet in running text', () => {
  it('names no other outlet from any line of any text, wherever the line stands', () => {
    const found: string[] = [];
    for (const { where, text, outlet } of runningTexts()) {
      for (const line of toLines(text)) {
        const body: Line[] = [line];
        for (const position of ['above', 'under', 'lead', 'foot'] as const) {
          const parts = {
            lines: position === 'foot' ? body : [],
            chrome: position === 'above' ? body : [],
            afterTitle: position === 'under' ? body : [],
            body: position === 'lead' || position === 'foot' ? body : [],
            signoffLines: [],
          };
          const { clues } = textClues(parts, outlets, names, isAgency);
          for (const clue of clues.filter((c) => c.weight === 'strong' && c.key !== outlet)) found.push(`${where}: ${position}: ${clue.key} ← ${clue.why}`);
        }
      }
    }
    assert.deepEqual(found, []);
  });

  it('takes no outlet from the seeds but theirs, without --outlet or --url', () => {
    const gold: Record<string, string> = {
      '000_3f254b3f231ddcb4.txt': 'dw-arabic',
      '001_81b2e9526438038c.txt': 'alkhabar-tv',
      '002_6b309b54e1240de9.txt': 'al-seyassah',
      '003_46747d5c7beb1e50.txt': 'al-khaleej',
      '004_82199af67069a872.txt': 'rojava-network',
    };
    for (const [file, key] of Object.entries(gold)) {
      const lines = toLines(readFileSync(join(DEFAULT_CONTENT_DIR, 'sources', file), 'utf8'));
      const decision = decideOutlet({ parts: { lines, chrome: [], afterTitle: [], body: lines, signoffLines: [] }, outlets, names, aggregators, isAgency });
      assert.ok(decision.key === key || decision.key === undefined, `${file}: ${decision.key} (${decision.evidence.join('; ')})`);
    }
  });
});

describe('--new-outlet', () => {
  it('appends the entry and leaves the rest of outlets.yml byte for byte', async () => {
    const text = readFileSync(join(DEFAULT_CONTENT_DIR, 'data', 'outlets.yml'), 'utf8');
    const entry = proposeOutlet({ name: 'صوت الفرات', domain: 'sawtalfurat.example', evidence: ['a test'] }, Object.keys(outlets), TODAY) ?? assert.fail('an entry');
    const combined = withOutletAppended(text, entry);
    assert.ok(combined.startsWith(text));
    assert.match(entry.yaml, /^# added by `npm run add -- --new-outlet` on 2026-11-21 from: a test$/m);
    assert.match(entry.yaml, /^ {2}country: unknown$/m);
    assert.equal(entry.key, 'sawtalfurat');
    const contentDir = copySeedContent();
    const [outcome] = await addFiles([join(PROJECT_ROOT, 'tests', 'fixtures', 'ingest', 'outlet-new-written', 'input.txt')], {
      contentDir,
      newOutlet: true,
      today: TODAY,
    });
    assert.equal(outcome?.exit, 0, outcome?.messages.join('\n'));
    const after = readFileSync(join(contentDir, 'data', 'outlets.yml'), 'utf8');
    assert.ok(after.startsWith(text), "the user's text, comments and layout are kept");
    assert.deepEqual(loadContent(contentDir).problems, [], 'the archive still loads');
  });
});
