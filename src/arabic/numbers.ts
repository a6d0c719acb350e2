/**
 * Numbers in Arabic news text, written in digits or in words: "11 ألف", "٥٠٠", "3,250",
 * "خمسة ملايين", "ثلاثة وعشرون". Pure and browser-safe (nothing but ./digits.ts and
 * ./normalise.ts).
 *
 * Rules, in the order a reader would want them documented:
 *
 * Digits. ASCII, Arabic-Indic (٠-٩) and Persian (۰-۹), mixed freely. Separators inside a number:
 * `,` `.` U+066C `٬` (Arabic thousands separator) and U+066B `٫` (Arabic decimal separator).
 * - Thousands: a first group of 1-3 digits not starting with 0, then one or more groups of
 *   exactly three digits, all after the same separator (`,` `.` or `٬`): 3,250 = 3.250 = ٣٬٢٥٠
 *   = 3250; 200.000 = 200000; 1,234,567. The Arabic press writes the thousands point both ways,
 *   and a decimal with exactly three places is rare in news, so a lone `3.250` is 3250.
 * - Decimal: any other single separator (`,` `.` `٫`): 4,5 = 4.5 = ٤٫٥; 4,00 = 4; 0.250 = 0.25
 *   (a leading 0 is never a thousands group); 2.75 = 2.75. Thousands groups followed by one
 *   different separator give both: 1,234.5 = 1234.5; 1.234,5 = 1234.5.
 * - Anything else with separators (1.2.3, 12,34,56) is not read as a number at all.
 * - Dates written in digits (23.03.2019, 2019-03-23, 23/3/2019) are not numbers here (the date
 *   modules read them); nor are digits glued to a Latin letter (A320, F16), nor the exponent of
 *   an area unit (the 2 of "كم 2", "م2").
 * - Times: H:MM always; H,MM or H.MM (and a bare hour) when "ت غ", "توقيت"/"بتوقيت", غرينتش,
 *   GMT, UTC, صباحا, مساء… follows, or الساعة precedes. They are returned with `kind: 'time'`
 *   and value hours + minutes/60: "(4,00 ت غ)" gives { text: '4,00', value: 4, kind: 'time' }.
 * - Percentages ("50%", "٥٠٪", "مئة في المئة", "بالمئة") are returned with `kind: 'percent'`.
 * - Years are ordinary numbers: "2014" is 2014, nothing more.
 *
 * Multipliers after digits, spaced or glued: "11 ألف" / "11ألف" / "21 ألفاً" = 11000 / 21000;
 * "3 آلاف", "5 ملايين", "2 مليون", "4.5 مليار". "3 ملايين و500 ألف" = 3500000.
 *
 * Number words (folded, so hamza, ة/ه, ى/ي and case endings do not matter):
 * - 1-10 in both genders and all cases: واحد/واحدة, اثنان/اثنين/اثنتان/اثنتين, ثلاث/ثلاثة …
 *   تسع/تسعة, عشر/عشرة;
 * - 11-19: أحد/إحدى/اثنا/اثني/اثنتا/اثنتي/ثلاثة … تسعة + عشر/عشرة;
 * - tens: عشرون/عشرين … تسعون/تسعين;
 * - hundreds: مئة/مائة, مئتان/مئتين/مئتا (and مائتان…), ثلاثمئة … تسعمئة in one word or two
 *   (ثلاث مئة);
 * - scales: ألف/ألفاً, ألفان/ألفين, (count +) آلاف; مليون, مليونان/مليونين, (count +) ملايين;
 *   مليار/بليون, ملياران, (count +) مليارات.
 * Compounds follow Arabic order: "ثلاثة وعشرون" = 23, "مئة وخمسون" = 150, "ثلاثة آلاف" = 3000,
 * "خمسة ملايين" = 5000000, "خمسة وعشرون ألفاً" = 25000, "ألف وخمسمئة" = 1500. A و joins only a
 * smaller part to a larger one (tens after a unit, anything below a hundred after hundreds,
 * anything below a scale after that scale): "خمسة وخمسة", "500 و600" are two numbers.
 * A number word may carry the proclitics و ف ب ل ك (بخمسة، ولثلاثة) when at least three letters
 * are left (لست is not ل + ست). A word with the article (الثلاثة، الألف، الاثنين) is never read:
 * that keeps out weekdays and ordinals.
 * Traps not read as numbers: أحد/إحدى alone ("one of"), الأول and every ordinal, مئات, عشرات,
 * آلاف/ملايين/مليارات without a count before them ("آلاف المدنيين").
 *
 * Ranges "500 إلى 600", "500 - 600", "من 500 حتى 600", "بين 500 و600" give two mentions, each
 * with `range: { from, to }` and `approximate: true` (a range is an estimate). The second's
 * multiplier is shared: "بين 3 و5 آلاف" gives 3000 and 5000.
 *
 * Hedges before the number make it `approximate: true`, the hedge's text in `hedge`: نحو, قرابة,
 * حوالي, زهاء, يقارب, يناهز, يفوق, يتجاوز, and أكثر/أقل/أزيد/يزيد/يقل/يقرب/ينوف/يربو + من/عن/على
 * (so also "ما لا يقل عن"), with or without a proclitic (بنحو، لأكثر من).
 *
 * Limits, known and accepted: ألفا/مليونا are read as the accusative (ألفاً = 1000), never as the
 * construct dual (ألفا جندي = 2000); fractions (نصف، ربع، ثلث) are not read, so "مليون ونصف" is
 * 1000000; the old order "خمسون ومئة" is two numbers; a spaced و before a short word ("و ست")
 * and ست after a proclitic are not read; "2014,2015" without a space reads as a decimal.
 */
import { toAsciiDigits } from './digits.ts';
import { foldArabic, foldCharacter, foldWord, words } from './normalise.ts';

export interface NumberMention {
  /** UTF-16 offset of the number's first character (after any proclitic: بخمسة starts at خ). */
  start: number;
  /** UTF-16 offset just after the number (its multiplier words included). */
  end: number;
  /** `text.slice(start, end)`. */
  text: string;
  value: number;
  /** True after a hedge (نحو، قرابة، أكثر من…) and for both ends of a range. */
  approximate?: boolean;
  /** The hedge as written ("نحو", "أكثر من"), when there is one. */
  hedge?: string;
  /** Both ends, on each of the two mentions of a range. */
  range?: { from: number; to: number };
  /** Set for a clock time or a percentage; absent for every other number, years included. */
  kind?: 'time' | 'percent';
}

// ---------------------------------------------------------------------------------------------
// Lexicon (folded forms: foldArabic of the written word)

interface WordTerm {
  /** count: 1-99 (and 100 for مئة); scale: a multiplier word. */
  type: 'count' | 'hundred' | 'scale';
  value: number;
  /** 1-10 written as a word (may take عشر to make a teen, or مئة to make hundreds). */
  unit?: boolean;
  /** أحد/إحدى/اثنا/اثني/اثنتا/اثنتي: only a number before عشر/عشرة. */
  teenHead?: boolean;
  /** عشر/عشرة: completes a teen after a unit. */
  ten?: boolean;
  /** Tens 20-90. */
  tens?: boolean;
  /** آلاف، ملايين، مليارات: needs a count before it. */
  plural?: boolean;
  /** ألفان، مليونان…: the scale counted twice, a whole number by itself. */
  dual?: boolean;
}

const LEXICON = new Map<string, WordTerm>();
const add = (written: string[], term: WordTerm) => {
  for (const w of written) LEXICON.set(foldArabic(w), term);
};

const UNIT_WORDS: Array<[string[], number]> = [
  [['واحد', 'واحدة'], 1],
  [['اثنان', 'اثنين', 'اثنتان', 'اثنتين'], 2],
  [['ثلاث', 'ثلاثة'], 3],
  [['أربع', 'أربعة'], 4],
  [['خمس', 'خمسة'], 5],
  [['ست', 'ستة'], 6],
  [['سبع', 'سبعة'], 7],
  [['ثمان', 'ثماني', 'ثمانية'], 8],
  [['تسع', 'تسعة'], 9],
];
for (const [forms, value] of UNIT_WORDS) add(forms, { type: 'count', value, unit: true });
add(['عشر', 'عشرة'], { type: 'count', value: 10, unit: true, ten: true });
add(['أحد', 'إحدى'], { type: 'count', value: 1, teenHead: true });
add(['اثنا', 'اثني', 'اثنتا', 'اثنتي'], { type: 'count', value: 2, teenHead: true });

const TENS: Array<[string, number]> = [
  ['عشر', 20],
  ['ثلاث', 30],
  ['أربع', 40],
  ['خمس', 50],
  ['ست', 60],
  ['سبع', 70],
  ['ثمان', 80],
  ['تسع', 90],
];
for (const [stem, value] of TENS) add([`${stem}ون`, `${stem}ين`], { type: 'count', value, tens: true });

add(['مئة', 'مائة', 'مية'], { type: 'hundred', value: 100 });
add(['مئتان', 'مئتين', 'مئتا', 'مائتان', 'مائتين', 'مائتا'], { type: 'count', value: 200 });
const HUNDRED_STEMS: Array<[string[], number]> = [
  [['ثلاث'], 3],
  [['أربع'], 4],
  [['خمس'], 5],
  [['ست'], 6],
  [['سبع'], 7],
  [['ثمان', 'ثماني'], 8],
  [['تسع'], 9],
];
for (const [stems, n] of HUNDRED_STEMS) {
  for (const stem of stems) add([`${stem}مئة`, `${stem}مائة`], { type: 'count', value: n * 100 });
}

const SCALES: Array<[string[], string[], string[], number]> = [
  // singular (nominative/genitive, accusative), dual, plural
  [['ألف', 'ألفا'], ['ألفان', 'ألفين'], ['آلاف'], 1e3],
  [['مليون', 'مليونا'], ['مليونان', 'مليونين'], ['ملايين'], 1e6],
  [['مليار', 'مليارا', 'بليون', 'بليونا'], ['ملياران', 'مليارين', 'بليونان', 'بليونين'], ['مليارات', 'بلايين'], 1e9],
];
for (const [singular, dual, plural, value] of SCALES) {
  add(singular, { type: 'scale', value });
  add(dual, { type: 'scale', value, dual: true });
  add(plural, { type: 'scale', value, plural: true });
}

/** Proclitics a number word may carry, longest first. */
const PROCLITICS = ['وب', 'ول', 'وك', 'فب', 'فل', 'فك', 'و', 'ف', 'ب', 'ل', 'ك'];

/** The number word in a folded word, with the length of the proclitic in front of it. */
function lookUp(fold: string): { term: WordTerm; prefix: number } | undefined {
  const term = LEXICON.get(fold);
  if (term) return { term, prefix: 0 };
  for (const p of PROCLITICS) {
    if (!fold.startsWith(p)) continue;
    const rest = fold.slice(p.length);
    if ([...rest].length < 3) continue;
    const t = LEXICON.get(rest);
    if (t) return { term: t, prefix: p.length };
  }
  return undefined;
}

const HEDGES = new Set(['نحو', 'قرابه', 'حوالي', 'زهاء', 'يقارب', 'يناهز', 'يفوق', 'يتجاوز', 'تقريبا'].map(foldArabic));
const HEDGES_WITH_PREPOSITION = new Set(['اكثر', 'اقل', 'ازيد', 'يزيد', 'يقل', 'يقرب', 'ينوف', 'يربو']);
const HEDGE_PREPOSITIONS = new Set(['من', 'عن', 'علي']);

const TIME_AFTER = new Set(['ت', 'توقيت', 'بتوقيت', 'غرينتش', 'غرينيتش', 'gmt', 'utc', 'صباحا', 'مساء', 'مساءا', 'ظهرا', 'عصرا', 'ليلا', 'فجرا']);
const TIME_BEFORE = new Set(['الساعه']);
const AREA_UNITS = new Set(['كم', 'م', 'سم', 'ملم', 'km', 'm', 'cm']);

// ---------------------------------------------------------------------------------------------
// Tokens

interface DigitsAtom {
  type: 'digits';
  start: number;
  end: number;
  /** undefined: digits that are not a number here (a date, an exponent, 1.2.3). */
  value: number | undefined;
  /** Integer part and fraction as written, for reading a time (4,00). */
  hours?: number;
  minutes?: number;
  time?: boolean;
}
interface WordAtom {
  type: 'word';
  start: number;
  end: number;
  fold: string;
}
type Atom = DigitsAtom | WordAtom;

const DIGITS = /(?<![A-Za-z0-9])(?:(\d{1,2}):(\d{2})(?![\d:])|\d{1,4}([./-])\d{1,2}\3\d{1,4}(?!\d)|\d+(?:[.,\u066B\u066C]\d+)*)/g;

/** The value of a run of digits and separators (see the rules above), or undefined. */
export function readDigits(s: string): number | undefined {
  const ascii = toAsciiDigits(s);
  const parts = ascii.split(/[.,\u066B\u066C]/);
  const seps = ascii.match(/[.,\u066B\u066C]/g) ?? [];
  if (seps.length === 0) return Number(ascii);
  const grouped = (groups: string[]) => groups[0]!.length <= 3 && !groups[0]!.startsWith('0') && groups.slice(1).every((g) => g.length === 3);
  const group = seps[0]!;
  if (group !== '\u066B' && seps.every((c) => c === group) && grouped(parts)) return Number(parts.join(''));
  if (seps.length >= 2) {
    const last = seps[seps.length - 1]!;
    const head = seps.slice(0, -1);
    if (group !== '\u066B' && last !== group && last !== '\u066C' && head.every((c) => c === group) && grouped(parts.slice(0, -1))) {
      return Number(`${parts.slice(0, -1).join('')}.${parts[parts.length - 1]}`);
    }
    return undefined;
  }
  if (group === '\u066C') return undefined;
  return Number(`${parts[0]}.${parts[1]}`);
}

function tokenize(text: string): Atom[] {
  const ascii = toAsciiDigits(text);
  const atoms: Atom[] = [];
  const covered: Array<[number, number]> = [];
  DIGITS.lastIndex = 0;
  for (let m = DIGITS.exec(ascii); m; m = DIGITS.exec(ascii)) {
    const start = m.index;
    const end = start + m[0].length;
    covered.push([start, end]);
    if (m[1] !== undefined) {
      const hours = Number(m[1]);
      const minutes = Number(m[2]);
      const ok = hours <= 24 && minutes < 60;
      atoms.push({ type: 'digits', start, end, value: ok ? hours + minutes / 60 : undefined, hours, minutes, time: ok });
    } else if (m[3] !== undefined) {
      atoms.push({ type: 'digits', start, end, value: undefined });
    } else {
      const atom: DigitsAtom = { type: 'digits', start, end, value: readDigits(m[0]) };
      const sep = /^(\d{1,2})[.,](\d{2})$/.exec(m[0]);
      if (sep) Object.assign(atom, { hours: Number(sep[1]), minutes: Number(sep[2]) });
      else if (/^\d{1,2}$/.test(m[0])) Object.assign(atom, { hours: Number(m[0]), minutes: 0 });
      atoms.push(atom);
    }
  }
  // words, less the parts the digits took (11ألف -> 11 + ألف)
  let c = 0;
  for (const w of words(text)) {
    let pos = w.start;
    while (c < covered.length && covered[c]![1] <= w.start) c++;
    for (let j = c; j < covered.length && covered[j]![0] < w.end; j++) {
      const [s, e] = covered[j]!;
      if (s > pos) pushWord(atoms, text, pos, s);
      pos = Math.max(pos, e);
    }
    if (pos < w.end) pushWord(atoms, text, pos, w.end);
  }
  atoms.sort((x, y) => x.start - y.start);
  // the exponent of an area unit: "كم 2", "م2"
  for (let i = 1; i < atoms.length; i++) {
    const a = atoms[i]!;
    const prev = atoms[i - 1]!;
    if (a.type === 'digits' && prev.type === 'word' && AREA_UNITS.has(prev.fold) && /^[23]$/.test(ascii.slice(a.start, a.end)) && /^ ?$/.test(text.slice(prev.end, a.start))) {
      a.value = undefined;
    }
  }
  return atoms;
}

function pushWord(atoms: Atom[], text: string, start: number, end: number): void {
  const slice = text.slice(start, end);
  if (!/\p{L}/u.test(slice)) return;
  const fold = foldWord(slice);
  if (fold !== '') atoms.push({ type: 'word', start, end, fold });
}

/** Offset in `original` after its first `n` folded characters (and any marks that follow them). */
function afterFolded(original: string, n: number): number {
  let count = 0;
  for (let i = 0; i < original.length; i++) {
    const f = foldCharacter(original[i]!);
    if (count >= n && f !== '') return i;
    count += f.length;
  }
  return original.length;
}

// ---------------------------------------------------------------------------------------------
// Parsing

interface Parsed {
  value: number;
  start: number;
  end: number;
  /** Index of the first atom, and one past the last. */
  first: number;
  next: number;
  /** A multiplier word applied to the last part (ألف in "11 ألف"). */
  scale?: number;
}

const SPACE_ONLY = /^[\s\u0640]*$/;

/** What a parsed term is, for the rules on which و-joins are allowed. */
type Last = 'unit' | 'teen' | 'tens' | 'hundreds' | 'scale' | 'digits' | 'other';

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

class Parser {
  constructor(
    private readonly text: string,
    private readonly atoms: Atom[],
  ) {}

  private gapOk(i: number, j: number): boolean {
    return SPACE_ONLY.test(this.text.slice(this.atoms[i]!.end, this.atoms[j]!.start));
  }

  private word(i: number): WordAtom | undefined {
    const a = this.atoms[i];
    return a?.type === 'word' ? a : undefined;
  }

  /** A term (digits or a number word) at atom i, its proclitic allowed. */
  private term(i: number, first = false): { term: WordTerm | number; prefix: number } | undefined {
    const a = this.atoms[i];
    if (!a) return undefined;
    // a clock time (4:30) is a number only by itself, never a part of a compound
    if (a.type === 'digits') return a.value === undefined || (a.time && !first) ? undefined : { term: a.value, prefix: 0 };
    return lookUp(a.fold);
  }

  /** The number starting at atom i, or undefined. */
  parse(i: number): Parsed | undefined {
    const first = this.term(i, true);
    if (!first) return undefined;
    const a = this.atoms[i]!;
    const start = a.type === 'word' ? a.start + afterFolded(this.text.slice(a.start, a.end), first.prefix) : a.start;
    let total = 0;
    let current = 0;
    let lastTerm = 0;
    let last: Last;
    let lastScale = Infinity;
    let scale: number | undefined;
    let j = i + 1;

    const t = first.term;
    if (a.type === 'digits' && a.time) return { value: t as number, start, end: a.end, first: i, next: j };
    if (typeof t === 'number') {
      current = lastTerm = t;
      last = 'digits';
    } else if (t.teenHead) {
      if (!this.isTen(j, i)) return undefined;
      current = lastTerm = t.value + 10;
      last = 'teen';
      j++;
    } else if (t.type === 'scale') {
      if (t.plural) return undefined;
      total = t.dual ? 2 * t.value : t.value;
      lastScale = t.value;
      last = 'scale';
    } else {
      current = lastTerm = t.value;
      last = t.type === 'hundred' || t.value % 100 === 0 ? 'hundreds' : t.unit ? 'unit' : t.tens ? 'tens' : 'other';
    }

    let end = j; // one past the last atom taken
    while (j < this.atoms.length && this.gapOk(j - 1, j)) {
      const w = this.word(j);
      // teen: unit + عشر/عشرة
      if (last === 'unit' && lastTerm >= 1 && lastTerm <= 9 && w && this.isTenWord(w)) {
        current += 10;
        lastTerm += 10;
        last = 'teen';
        end = ++j;
        continue;
      }
      // multiplier right after a count: ثلاثة آلاف، 11 ألف، ثلاث مئة
      const here = w ? LEXICON.get(w.fold) : undefined;
      if (here && current > 0 && here.type === 'hundred' && last === 'unit' && lastTerm >= 1 && lastTerm <= 9) {
        current += lastTerm * 99;
        lastTerm *= 100;
        last = 'hundreds';
        end = ++j;
        continue;
      }
      if (here && current > 0 && here.type === 'scale' && !here.dual && here.value < lastScale) {
        total += current * here.value;
        current = 0;
        lastScale = scale = here.value;
        last = 'scale';
        end = ++j;
        continue;
      }
      // و + a smaller part
      let k = j;
      let conj: { term: WordTerm | number; prefix: number } | undefined;
      if (w && w.fold === 'و') {
        k = j + 1;
        if (k < this.atoms.length && this.gapOk(j, k)) conj = this.term(k);
      } else if (w?.fold.startsWith('و')) {
        const inner = LEXICON.get(w.fold.slice(1));
        if (inner) conj = { term: inner, prefix: 1 };
      }
      if (!conj) break;
      const c = conj.term;
      const magnitude = typeof c === 'number' ? c : c.type === 'scale' ? (c.dual ? 2 : 1) * c.value : c.value;
      if (typeof c !== 'number' && c.type === 'scale' && c.plural) break;
      const allowed =
        (last === 'scale' && magnitude < lastScale) ||
        (last === 'unit' && typeof c !== 'number' && c.tens === true) ||
        (last === 'hundreds' && current % 100 === 0 && magnitude < 100 && current < 1000);
      if (!allowed) break;
      if (typeof c === 'number') {
        current += c;
        lastTerm = c;
        last = 'digits';
        end = j = k + 1;
      } else if (c.teenHead) {
        if (!this.isTen(k + 1, k)) break;
        current += c.value + 10;
        lastTerm = c.value + 10;
        last = 'teen';
        end = j = k + 2;
      } else if (c.type === 'scale') {
        total += magnitude;
        last = 'scale';
        lastScale = c.value;
        end = j = k + 1;
      } else {
        current += c.value;
        lastTerm = c.value;
        last = c.type === 'hundred' || c.value % 100 === 0 ? 'hundreds' : c.unit ? 'unit' : c.tens ? 'tens' : 'other';
        end = j = k + 1;
      }
    }
    const lastAtom = this.atoms[end - 1]!;
    return { value: round(total + current), start, end: lastAtom.end, first: i, next: end, ...(scale ? { scale } : {}) };
  }

  private isTenWord(w: WordAtom): boolean {
    return LEXICON.get(w.fold)?.ten === true;
  }

  private isTen(j: number, prev: number): boolean {
    const w = this.word(j);
    return !!w && this.gapOk(prev, j) && this.isTenWord(w);
  }
}

/** Every number in `text`, in order. */
export function findNumbers(text: string): NumberMention[] {
  const atoms = tokenize(text);
  const parser = new Parser(text, atoms);
  const out: NumberMention[] = [];
  const wordAt = (i: number): WordAtom | undefined => {
    const a = atoms[i];
    return a?.type === 'word' ? a : undefined;
  };
  const spaceBetween = (i: number, j: number) => SPACE_ONLY.test(text.slice(atoms[i]!.end, atoms[j]!.start));
  /** The stem of a word after و/ف and then ب/ل. */
  const stem = (fold: string) => fold.replace(/^[وف]/, '').replace(/^[بل]/, '');

  let i = 0;
  while (i < atoms.length) {
    const p = parser.parse(i);
    if (!p) {
      i++;
      continue;
    }
    const mention = (q: Parsed): NumberMention => ({ start: q.start, end: q.end, text: text.slice(q.start, q.end), value: q.value });
    const m = mention(p);

    // hedge before
    const hedge = hedgeBefore(p.first);
    if (hedge !== undefined) Object.assign(m, { approximate: true, hedge: text.slice(hedge, m.start).trim() });

    // time and percentage
    const a = atoms[p.first]!;
    if (a.type === 'digits' && p.next === p.first + 1) {
      const after = wordAt(p.next);
      const before = wordAt(p.first - 1);
      const timeAfter = after && spaceBetween(p.first, p.next) && TIME_AFTER.has(after.fold);
      const timeBefore = before && spaceBetween(p.first - 1, p.first) && TIME_BEFORE.has(stem(before.fold));
      if (a.time || ((timeAfter || timeBefore) && a.hours !== undefined && a.hours <= 24 && (a.minutes ?? 0) < 60)) {
        m.kind = 'time';
        m.value = round(a.hours! + (a.minutes ?? 0) / 60);
      }
    }
    if (!m.kind && isPercent(p.next, m.end)) m.kind = 'percent';

    // range
    const range = rangeAfter(p);
    if (range && m.kind !== 'time') {
      let from = p.value;
      if (p.scale === undefined && range.scale !== undefined && from < 1000 && from * range.scale < range.value) from = round(from * range.scale);
      m.value = from;
      const second = mention(range);
      if (isPercent(range.next, range.end)) m.kind = second.kind = 'percent';
      const r = { from, to: range.value };
      Object.assign(m, { approximate: true, range: r });
      out.push(m, Object.assign(second, { approximate: true, range: { ...r } }, m.hedge ? { hedge: m.hedge } : {}));
      i = range.next;
      continue;
    }
    out.push(m);
    i = p.next;
  }
  return out;

  function hedgeBefore(first: number): number | undefined {
    const w1 = wordAt(first - 1);
    if (!w1 || !spaceBetween(first - 1, first)) return undefined;
    if (HEDGES.has(stem(w1.fold)) || HEDGES.has(w1.fold)) {
      const ma = wordAt(first - 2);
      return ma && ma.fold === 'ما' && spaceBetween(first - 2, first - 1) ? ma.start : w1.start;
    }
    if (!HEDGE_PREPOSITIONS.has(w1.fold)) return undefined;
    const w2 = wordAt(first - 2);
    if (!w2 || !spaceBetween(first - 2, first - 1) || !HEDGES_WITH_PREPOSITION.has(stem(w2.fold))) return undefined;
    // "ما لا يقل عن", "ما يزيد على"
    let s = first - 2;
    if (wordAt(s - 1)?.fold === 'لا' && spaceBetween(s - 1, s)) s--;
    if (wordAt(s - 1)?.fold === 'ما' && spaceBetween(s - 1, s)) s--;
    return atoms[s]!.start;
  }

  function isPercent(next: number, end: number): boolean {
    if (/^\s?[%٪]/.test(text.slice(end))) return true;
    const w = wordAt(next);
    if (!w || !SPACE_ONLY.test(text.slice(end, w.start))) return false;
    if (w.fold === 'بالميه' || w.fold === 'بالمايه') return true;
    const w2 = wordAt(next + 1);
    return w.fold === 'في' && !!w2 && spaceBetween(next, next + 1) && (w2.fold === 'الميه' || w2.fold === 'المايه');
  }

  /** "بين" (or وبين، ما بين) right before atom `first + 1`. */
  function isBetween(i: number): boolean {
    const w = wordAt(i);
    return !!w && w.fold.replace(/^[وف]/, '') === 'بين' && spaceBetween(i, i + 1);
  }

  function rangeAfter(p: Parsed): Parsed | undefined {
    const k = p.next;
    if (k >= atoms.length) return undefined;
    let second: Parsed | undefined;
    const w = wordAt(k);
    const gap = text.slice(p.end, atoms[k]!.start);
    if (w && (w.fold === 'الي' || w.fold === 'حتي') && SPACE_ONLY.test(gap) && k + 1 < atoms.length && spaceBetween(k, k + 1)) {
      second = parser.parse(k + 1);
    } else if (!w && /^\s*[-–—]\s*$/.test(gap)) {
      second = parser.parse(k);
    } else if (w?.fold.startsWith('و') && SPACE_ONLY.test(gap) && isBetween(p.first - 1)) {
      second = w.fold === 'و' ? (k + 1 < atoms.length && spaceBetween(k, k + 1) ? parser.parse(k + 1) : undefined) : parser.parse(k);
    }
    if (!second || second.value <= p.value) return undefined;
    return second;
  }
}
