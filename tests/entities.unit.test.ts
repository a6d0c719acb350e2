/**
 * content/data/entities.yml: enough actors, and aliases that are safe to match in running text.
 * An alias found where it does not name its actor puts an article on the wrong entity page and
 * under the wrong search token, without a word: so no alias (folded, and spelt loosely for
 * names of two words or more) belongs to two actors or to a place, none is an everyday word, and
 * every name the seed texts use was read in place and is listed below with what it names there.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { looseArabicWord } from '../src/arabic/name-fold.ts';
import { foldArabic, words } from '../src/arabic/normalise.ts';
import { loadValidContent } from '../src/content/load.ts';
import { createEntityCounter } from '../src/analysis/entity-usage.ts';
import { loadEntities } from '../src/content/data-files.ts';
import { createQuoteFinder, sentences } from '../src/analysis/quotes.ts';
import { latinForms } from '../src/analysis/lexicon.ts';
import { looseLatinText } from '../src/search/query.ts';
import { DEFAULT_CONTENT_DIR } from '../src/core/paths.ts';
import { seedParagraphs } from './helpers/seed-articles.ts';

const entities = loadEntities(DEFAULT_CONTENT_DIR);
const content = loadValidContent(DEFAULT_CONTENT_DIR);

/**
 * Every name the seed texts use, read in the texts: which actor it names there. A name found in
 * the seeds and missing here fails the test until someone has read it in place.
 */
const SEEN_IN_SEEDS: Record<string, string> = {
  'abu-bakr-al-baghdadi أبو بكر البغدادي': "dw: the group's leader, said to be in Iraq",
  'al-qaeda تنظيم القاعدة': 'alkhabar: the group ISIS split from',
  'autonomous-administration الإدارة الذاتية': "rojava: the administration of the SDF's areas",
  'autonomous-administration الإدارة الذاتية الديمقراطية': 'rojava: its adviser Badran Jia Kurd',
  'autonomous-administration الإدارة الذاتية لشمال وشرق سوريا': 'rojava: in a quotation',
  'badran-jia-kurd بدران جيا كرد': "rojava: the Autonomous Administration's adviser",
  'bashar-al-assad بشار الأسد': 'rojava: «رئيس النظام بشار الأسد»',
  'bashar-al-jaafari بشار الجعفري': "seyassah: Syria's ambassador to the UN",
  'coalition التحالف الدولي': 'khaleej, alkhabar, dw: the US-led coalition',
  'coalition قوات التحالف الدولي': 'seyassah: the US-led coalition',
  'donald-trump دونالد ترامب': 'seyassah: «الرئيس دونالد ترامب»',
  'isis الدولة الإسلامية': 'dw: «تنظيم "الدولة الإسلامية"»',
  'isis تنظيم الدولة الإسلامية': 'dw',
  'isis تنظيم داعش': 'rojava',
  'isis داعش': 'every text',
  'isis دولة الخلافة': 'seyassah, dw: the caliphate the group declared',
  'jazira-storm عاصفة الجزيرة': 'dw: «القائد العام لـ"عاصفة الجزيرة"»',
  'jia-furat جيا فرات': "dw: the campaign's general commander",
  'kino-gabriel كينو جابرييل': 'seyassah: the SDF spokesman',
  'kino-gabriel كينو غابرييل': 'rojava: the SDF spokesman',
  'mazloum-abdi مظلوم عبدي': 'seyassah: the general commander',
  'mazloum-abdi مظلوم كوباني': 'alkhabar: the general commander',
  'mustafa-bali مصطفى بالي': 'rojava, seyassah, dw: the head of the SDF media centre',
  'sdf قسد': 'khaleej, seyassah, alkhabar, dw',
  'sdf قوات سوريا الديمقراطية': 'khaleej, rojava, dw',
  'sdf قوات سوريا الديموقراطية': 'rojava, dw',
  'sdf قوات سورية الديمقراطية': 'seyassah, dw',
  'sohr المرصد السوري': 'khaleej',
  'sohr المرصد السوري لحقوق الإنسان': 'seyassah',
  'syrian-government الجيش السوري': 'khaleej',
  'syrian-government الجيش العربي السوري': 'alkhabar',
  'syrian-government الحكومة السورية': 'seyassah: the government called on to recognise the administration',
  'syrian-government القوات الحكومية السورية': 'khaleej',
  'syrian-government القوات السورية': 'khaleej',
  'syrian-government النظام السوري': 'rojava, seyassah',
  'syrian-government قوات النظام': 'khaleej',
  'syrian-government قوات النظام السوري': 'khaleej',
  'talal-silo طلال سلو': 'khaleej: the SDF spokesman in 2017',
  'united-nations الأمم المتحدة': 'seyassah: «سفير النظام السوري في الأمم المتحدة»',
  'us أمريكا': 'alkhabar: the flags of قسد and America',
  'us البيت الأبيض': 'seyassah: the White House spokeswoman',
  'us الولايات المتحدة': 'khaleej, rojava, seyassah, dw',
  'us الولايات المتحدة الأمريكية': 'alkhabar',
  'william-roebuck السفير وليام روباك': 'alkhabar: the US envoy',
  'sarah-sanders سارة ساندرز': 'seyassah: the White House spokeswoman',
};

/** Everyday words that must never be an alias of one word: they mean something else more often than not. */
const EVERYDAY = [
  'القاعدة',
  'النصرة',
  'النمر',
  'الأسد',
  'الدولة',
  'التحالف',
  'النظام',
  'الحكومة',
  'الجيش',
  'الشعب',
  'الحرية',
  'الثورة',
  'الجبهة',
  'الفتح',
  'الشام',
  'الإدارة',
  'المجلس',
  'الهيئة',
  'الحشد',
  'الحزب',
  'الاتحاد',
  'المرصد',
  'الأمن',
  'البعث',
  'الخلافة',
  'الله',
  'أبو',
  'آبو',
  'بشار',
  'محمد',
  'أحمد',
  'علي',
  'حسن',
  'مصطفى',
  'عبد',
].map(foldArabic);

const folded = (name: string) => words(foldArabic(name)).map((w) => w.word);

describe('the actors of entities.yml', () => {
  it('number at least 150, a person and at least 60 people among them', () => {
    const all = Object.values(entities);
    assert.ok(all.length >= 150, `${all.length} actors`);
    assert.ok(all.filter((e) => e.kind === 'person').length >= 60, 'people');
    for (const kind of ['armed-group', 'party', 'government', 'agency', 'organisation'])
      assert.ok(
        all.some((e) => e.kind === kind),
        kind,
      );
  });

  it('share no name: no alias belongs to two actors or to a place of the gazetteer', () => {
    const owner = new Map<string, string>();
    for (const [key, place] of Object.entries(content.places.entries)) for (const form of [place.name, ...place.variants]) owner.set(folded(form).join(' '), `place ${key}`);
    const problems: string[] = [];
    for (const [key, e] of Object.entries(entities)) {
      // a country's government may go by the country's names (أمريكا, الولايات المتحدة)
      const country = (other: string) => e.kind === 'government' && content.places.entries[other.replace(/^place /, '')]?.kind === 'country';
      const mine = new Set<string>();
      for (const form of [e.name, ...e.aliases]) {
        const f = folded(form).join(' ');
        if (mine.has(f)) problems.push(`${key}: «${form}» is listed twice (folding makes them one)`);
        mine.add(f);
        const other = owner.get(f);
        if (other !== undefined && other !== key && !country(other)) problems.push(`${key}: «${form}» is also ${other}`);
        owner.set(f, key);
      }
    }
    assert.deepEqual(problems, []);
  });

  it("share no loose spelling: names of two words or more spelt loosely stay one actor's", () => {
    const owner = new Map<string, string>();
    const problems: string[] = [];
    for (const [key, e] of Object.entries(entities)) {
      for (const form of [e.name, ...e.aliases]) {
        const ws = folded(form);
        if (ws.length < 2) continue;
        const loose = ws.map(looseArabicWord).join(' ');
        const other = owner.get(loose);
        if (other !== undefined && other !== key) problems.push(`${key}: «${form}» spelt loosely is ${other}'s too (${loose})`);
        owner.set(loose, key);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('share no Latin form with another actor or a place', () => {
    const owner = new Map<string, string>();
    for (const [key, place] of Object.entries(content.places.entries)) for (const form of latinForms(place.name_en)) owner.set(looseLatinText(form), `place ${key}`);
    const problems: string[] = [];
    for (const [key, e] of Object.entries(entities)) {
      const country = (other: string) => e.kind === 'government' && content.places.entries[other.replace(/^place /, '')]?.kind === 'country';
      for (const form of [...new Set([e.name_en, ...e.latin].flatMap(latinForms))]) {
        const loose = looseLatinText(form);
        const other = owner.get(loose);
        if (other !== undefined && other !== key && !country(other)) problems.push(`${key}: ${form} is also ${other}'s`);
        owner.set(loose, key);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('have no alias of one word that is an everyday word or a first name', () => {
    const bad = Object.entries(entities).flatMap(([key, e]) =>
      e.aliases.filter((a) => folded(a).length === 1 && EVERYDAY.some((w) => foldArabic(a).replace(/^(?:ال)/, '') === w.replace(/^(?:ال)/, ''))).map((a) => `${key}: ${a}`),
    );
    assert.deepEqual(bad, []);
  });

  it('name in the seed texts only what was read there', () => {
    const count = createEntityCounter(entities);
    const found = new Set<string>();
    for (const article of seedParagraphs()) for (const use of count(article.paragraphs.join('\n'))) found.add(`${use.entity} ${use.name}`);
    const unread = [...found].filter((f) => !(f in SEEN_IN_SEEDS)).sort();
    assert.deepEqual(unread, [], 'names found in the seeds that nobody has read in place: read them, then list them in SEEN_IN_SEEDS');
    const gone = Object.keys(SEEN_IN_SEEDS)
      .filter((f) => !found.has(f))
      .sort();
    assert.deepEqual(gone, [], 'listed in SEEN_IN_SEEDS but no longer found in the seeds');
  });
});

describe('the sentences where a person is quoted', () => {
  const find = createQuoteFinder({
    kino: { name: 'كينو غابرييل', aliases: [] },
    bali: { name: 'مصطفى بالي', aliases: [] },
  });
  const quotes = (...texts: string[]) => find(texts.map((text, i) => ({ anchor: `p-${i + 1}`, text }))).map((q) => `${q.entity} ${q.anchor}: ${q.text}`);

  it('cuts paragraphs into sentences, not inside a quotation', () => {
    assert.deepEqual(
      sentences('قال أحد «انتهى. كل شيء» ثم مضى. وعاد أمس! هل يعود؟ نعم').map((s) => s.text),
      ['قال أحد «انتهى. كل شيء» ثم مضى.', 'وعاد أمس!', 'هل يعود؟', 'نعم'],
    );
  });

  it('keeps a sentence naming the person with a verb of saying, or a quotation after the name', () => {
    assert.deepEqual(quotes('وأكد كينو جابرييل أن المعركة انتهت. ثم عاد الهدوء.'), ['kino p-1: وأكد كينو جابرييل أن المعركة انتهت.']);
    assert.deepEqual(quotes('المتحدث مصطفى بالي على تويتر: «المعركة مستمرة حتى النهاية».'), ['bali p-1: المتحدث مصطفى بالي على تويتر: «المعركة مستمرة حتى النهاية».']);
    assert.deepEqual(
      quotes('التقى الوفد مصطفى بالي في المدينة.', 'ولم يذكر «كينو غابرييل» بعدها شيئا عن الزيارة.'),
      [],
      'named, not quoted: no verb of saying, and a name in quotation marks is no quotation',
    );
  });

  it('lists each person once per sentence, and every person a sentence quotes', () => {
    assert.deepEqual(quotes('قال مصطفى بالي وكينو غابرييل إن مصطفى بالي سيتحدث.'), [
      'bali p-1: قال مصطفى بالي وكينو غابرييل إن مصطفى بالي سيتحدث.',
      'kino p-1: قال مصطفى بالي وكينو غابرييل إن مصطفى بالي سيتحدث.',
    ]);
  });
});
