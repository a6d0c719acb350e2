/**
 * A timeline drawn as SVG, right to left as Arabic reads: the earliest date at the right edge,
 * the latest at the left. Milestones are diamonds, dated mentions dots, articles squares, each
 * kind on a row of its own above the axis. Built at build time; no JavaScript. The ordered list
 * on the page is the accessible version; this is its overview.
 *
 * The axis spans the event (from its start to its end, and its articles published up to a month
 * after): what happened earlier or later is folded to the edges, past a break in the axis, as an
 * arrow with the count of each kind and the years or months it covers. The view box is narrow
 * (360 units) so that it reads on a phone: at 375 px it is drawn about 1:1, its text at 12 units
 * is 11 px or more, and marks closer than 26 units (about 24 px there) are drawn as one, with
 * their count, so that none hides another.
 */
import { LEVANTINE_MONTHS, formatArabicMonth } from '../../arabic/calendar.ts';
import { countText, type CountedNoun } from '../../arabic/plural.ts';
import { estimateTextWidth } from '../../arabic/text-width.ts';
import type { TimelineEntry } from './build-timeline.ts';
import { escapeXml } from '../maps/map-svg.ts';

export interface OverviewOptions {
  /** Used for the <title>; ids derive from `id`. */
  title: string;
  id: string;
  /**
   * The event's own span, YYYY-MM-DD: the axis runs from `start` to `end` (or to the last
   * article published within a month after it). Without it the axis spans every entry.
   */
  span?: { start: string; end: string };
}

/** The counted nouns of the overview's tooltips and folds. */
export const TIMELINE_NOUNS = {
  milestone: { zero: 'لا محطات', one: 'محطة واحدة', two: 'محطتان', few: '# محطات', many: '# محطةً', other: '# محطة' },
  mention: { zero: 'لا إشارات', one: 'إشارة واحدة', two: 'إشارتان', few: '# إشارات', many: '# إشارةً', other: '# إشارة' },
  article: { zero: 'لا مقالات', one: 'مقال واحد', two: 'مقالان', few: '# مقالات', many: '# مقالاً', other: '# مقال' },
} satisfies Record<string, CountedNoun>;

type Kind = keyof typeof TIMELINE_NOUNS;

export const OVERVIEW_WIDTH = 360;
const HEIGHT = 104;
const PAD = 14;
/** Width of a folded edge (earlier or later than the span). */
const FOLD = 66;
const ROW_Y: Record<Kind, number> = { milestone: 22, mention: 42, article: 60 };
const AXIS_Y = 74;
const TICK_LABEL_Y = 94;
export const OVERVIEW_FONT = 12;
/** Marks on one row closer than this are drawn as one, with their count. */
export const MIN_MARK_GAP = 26;
/** A count is written this far left of its mark's centre. */
const COUNT_OFFSET = 8;
/** Articles published this many days after the event's end still stretch the axis. */
const ARTICLE_GRACE_DAYS = 31;

const DAY_MS = 86_400_000;

/** Days since 1970 of a partial date's first day (a year or a month stands at its first day). */
function firstDay(value: string): number {
  const [y, m = '01', d = '01'] = value.split('-');
  return Date.UTC(Number(y), Number(m) - 1, Number(d)) / DAY_MS;
}

/** Days since 1970 of a partial date's last day. */
function lastDay(value: string): number {
  const [y, m, d] = value.split('-');
  if (d) return firstDay(value);
  if (m) return Date.UTC(Number(y), Number(m), 1) / DAY_MS - 1;
  return Date.UTC(Number(y) + 1, 0, 1) / DAY_MS - 1;
}

const dateOf = (day: number) => new Date(day * DAY_MS);

const n1 = (v: number) => String(Math.round(v * 10) / 10);

interface Mark {
  kind: Kind;
  first: number;
  last: number;
  /** The entry's date as read. */
  label: string;
  /** A milestone's text, an article's headline, or '' for mentions. */
  text: string;
  count: number;
  flagged: boolean;
}

function marksOf(entries: readonly TimelineEntry[]): Mark[] {
  return entries.flatMap((entry) =>
    entry.items.map((item): Mark => {
      const base = { first: firstDay(entry.value), last: lastDay(entry.value), label: entry.label };
      if (item.kind === 'milestone') return { ...base, kind: 'milestone', text: item.text, count: 1, flagged: false };
      if (item.kind === 'article') return { ...base, kind: 'article', text: item.article.title, count: 1, flagged: false };
      return { ...base, kind: 'mention', text: '', count: item.mentions.length, flagged: item.flagged };
    }),
  );
}

/** "محطتان، 3 إشارات، مقال واحد": the counts of each kind present. */
function countsText(marks: Mark[]): string {
  return (['milestone', 'mention', 'article'] as const)
    .map((kind) => [kind, marks.filter((m) => m.kind === kind).reduce((n, m) => n + m.count, 0)] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => countText(n, TIMELINE_NOUNS[kind]))
    .join('، ');
}

/** What a group of marks says when pointed at: its date (or dates) and what stands there. */
function tooltip(marks: Mark[]): string {
  const sorted = [...marks].sort((a, b) => a.first - b.first);
  const from = sorted[0] as Mark;
  const to = sorted[sorted.length - 1] as Mark;
  const when = from.label === to.label ? from.label : `${from.label} – ${to.label}`;
  if (marks.length === 1 && from.kind !== 'mention') return `${when}: ${from.text}`;
  return `${when}: ${countsText(marks)}`;
}

interface Group {
  x: number;
  marks: Mark[];
}

/**
 * Merges the nearest neighbours of a row until every two groups stand `gap` apart, or further
 * where the right one's count, written to its left, needs the room (`room(items)`, 0 by default).
 */
export function groupMarks<T>(points: Array<{ x: number; item: T }>, gap = MIN_MARK_GAP, room: (items: T[]) => number = () => 0): Array<{ x: number; items: T[] }> {
  const groups = [...points].sort((a, b) => a.x - b.x).map((p) => ({ x: p.x, xs: [p.x], items: [p.item] }));
  for (;;) {
    let best = -1;
    let bestShort = 0;
    for (let i = 0; i + 1 < groups.length; i++) {
      const left = groups[i] as (typeof groups)[number];
      const right = groups[i + 1] as (typeof groups)[number];
      const short = Math.max(gap, room(right.items)) - (right.x - left.x);
      if (short > bestShort) [best, bestShort] = [i, short];
    }
    if (best < 0) break;
    const a = groups[best] as (typeof groups)[number];
    const b = groups[best + 1] as (typeof groups)[number];
    const xs = [...a.xs, ...b.xs];
    groups.splice(best, 2, { x: xs.reduce((s, v) => s + v, 0) / xs.length, xs, items: [...a.items, ...b.items] });
  }
  return groups.map(({ x, items }) => ({ x, items }));
}

/** How far left of its mark a group's count reaches (the count is written there), with a margin. */
function countRoom(marks: Mark[]): number {
  const count = marks.reduce((n, m) => n + m.count, 0);
  return count > 1 ? COUNT_OFFSET + estimateTextWidth(String(count), OVERVIEW_FONT) + 9 : 0;
}

function shape(kind: Kind, x: number, flagged: boolean): string {
  const y = ROW_Y[kind];
  if (kind === 'milestone') return `<path class="tl-milestone" d="M${n1(x)} ${y - 7}l7 7-7 7-7-7z"/>`;
  if (kind === 'article') return `<rect class="tl-article" x="${n1(x - 5)}" y="${y - 5}" width="10" height="10"/>`;
  return `<circle class="tl-mention${flagged ? ' tl-flagged' : ''}" cx="${n1(x)}" cy="${y}" r="5"/>`;
}

/** A group's mark: its shape, its count beside it when it stands for more than one. */
function drawGroup(kind: Kind, group: Group): string {
  const count = group.marks.reduce((n, m) => n + m.count, 0);
  const flagged = group.marks.every((m) => m.flagged);
  const number =
    count > 1
      ? `<text class="tl-count" x="${n1(group.x - COUNT_OFFSET)}" y="${ROW_Y[kind] + 4}" font-size="${OVERVIEW_FONT}" text-anchor="end" direction="ltr">${count}</text>`
      : '';
  return `<g class="tl-mark" data-kind="${kind}" data-count="${count}"><title>${escapeXml(tooltip(group.marks))}</title>${shape(kind, group.x, flagged)}${number}</g>`;
}

/** "2014–2018", "أيلول/سبتمبر 2018", "2018": the dates a fold covers, as briefly as they go. */
function foldRange(marks: Mark[]): string {
  const first = Math.min(...marks.map((m) => m.first));
  const last = Math.max(...marks.map((m) => m.last));
  const a = dateOf(first);
  const b = dateOf(last);
  if (a.getUTCFullYear() !== b.getUTCFullYear()) return `${a.getUTCFullYear()}–${b.getUTCFullYear()}`;
  if (a.getUTCMonth() === b.getUTCMonth()) return formatArabicMonth(a.getUTCFullYear(), a.getUTCMonth() + 1).replace(/\/[^ ]+/, '');
  return String(a.getUTCFullYear());
}

/** A folded edge: a dashed stretch of axis with an arrow outwards, a mark a kind with its count, and its dates. */
function drawFold(side: 'before' | 'after', marks: Mark[], x0: number, x1: number): string {
  const centre = (x0 + x1) / 2;
  const outer = side === 'before' ? x1 : x0;
  const inner = side === 'before' ? x0 : x1;
  const dir = side === 'before' ? 1 : -1;
  const out: string[] = [];
  const word = side === 'before' ? 'قبل الحدث' : 'بعد الحدث';
  out.push(`<g class="tl-fold" data-side="${side}"><title>${escapeXml(`${word} (${foldRange(marks)}): ${countsText(marks)}`)}</title>`);
  // the break: two short slanted strokes where the axis leaves the span
  const bx = inner + dir * 4;
  out.push(`<path class="tl-break" d="M${n1(bx - 3)} ${AXIS_Y + 5}l6 -10M${n1(bx + 1)} ${AXIS_Y + 5}l6 -10"/>`);
  out.push(`<path class="tl-fold-axis" d="M${n1(inner + dir * 10)} ${AXIS_Y}H${n1(outer - dir * 6)}"/>`);
  out.push(`<path class="tl-arrow" d="M${n1(outer)} ${AXIS_Y}l${-dir * 7} -5v10z"/>`);
  for (const kind of ['milestone', 'mention', 'article'] as const) {
    const own = marks.filter((m) => m.kind === kind);
    if (own.length) out.push(drawGroup(kind, { x: centre + 6, marks: own }).replace(/^<g class="tl-mark"/, '<g class="tl-mark tl-mark--folded"'));
  }
  out.push(`<text class="tl-tick-label" x="${n1(centre)}" y="${TICK_LABEL_Y}" font-size="${OVERVIEW_FONT}" text-anchor="middle">${escapeXml(foldRange(marks))}</text>`);
  out.push('</g>');
  return out.join('');
}

interface TickLabel {
  day: number;
  text: string;
}

/** Candidate ticks of the span, coarse to fine: years, months, weeks (1, 8, 15, 22), days. */
function tickLevels(first: number, last: number): TickLabel[][] {
  const years: TickLabel[] = [];
  const months: TickLabel[] = [];
  const weeks: TickLabel[] = [];
  const days: TickLabel[] = [];
  const a = dateOf(first);
  for (let y = a.getUTCFullYear(); Date.UTC(y, 0, 1) / DAY_MS <= last; y++) {
    const d = Date.UTC(y, 0, 1) / DAY_MS;
    if (d >= first) years.push({ day: d, text: String(y) });
  }
  // the months counted as one number (year × 12 + month), so that stepping past December is n + 1
  for (let n = a.getUTCFullYear() * 12 + a.getUTCMonth(); Date.UTC(Math.floor(n / 12), n % 12, 1) / DAY_MS <= last; n++) {
    const y = Math.floor(n / 12);
    const m = n % 12;
    const d = Date.UTC(y, m, 1) / DAY_MS;
    if (d >= first) months.push({ day: d, text: m === 0 ? `${LEVANTINE_MONTHS[m]} ${y}` : (LEVANTINE_MONTHS[m] as string) });
  }
  for (let d = first; d <= last; d++) {
    const date = dateOf(d);
    const text = `${date.getUTCDate()} ${LEVANTINE_MONTHS[date.getUTCMonth()]}`;
    days.push({ day: d, text });
    if ([1, 8, 15, 22].includes(date.getUTCDate())) weeks.push({ day: d, text });
  }
  return [years, months, weeks, days];
}

/** Labels placed right to left without overlapping: those that do not fit are left out. */
function placeTickLabels(candidates: Array<{ x: number; text: string; strong: boolean }>, xMin: number, xMax: number): string[] {
  const placed: Array<[number, number]> = [];
  const out: string[] = [];
  for (const c of candidates) {
    const w = estimateTextWidth(c.text, OVERVIEW_FONT);
    const x = Math.min(Math.max(c.x, xMin + w / 2), xMax - w / 2);
    const box: [number, number] = [x - w / 2 - 5, x + w / 2 + 5];
    if (placed.some(([a, b]) => box[0] < b && a < box[1])) continue;
    placed.push(box);
    out.push(
      `<line class="tl-tick" x1="${n1(c.x)}" y1="${AXIS_Y}" x2="${n1(c.x)}" y2="${AXIS_Y + 5}"/>` +
        `<text class="tl-tick-label${c.strong ? ' tl-tick-label--span' : ''}" x="${n1(x)}" y="${TICK_LABEL_Y}" font-size="${OVERVIEW_FONT}" text-anchor="middle">${escapeXml(c.text)}</text>`,
    );
  }
  return out;
}

function isoOf(day: number): string {
  return dateOf(day).toISOString().slice(0, 10);
}

export function renderTimelineOverview(entries: readonly TimelineEntry[], options: OverviewOptions): string {
  if (entries.length === 0) return '';
  const width = OVERVIEW_WIDTH;
  const marks = marksOf(entries);

  let spanFirst: number;
  let spanLast: number;
  if (options.span) {
    spanFirst = firstDay(options.span.start);
    spanLast = lastDay(options.span.end);
    for (const m of marks) {
      if (m.kind === 'article' && m.first > spanLast && m.first <= spanLast + ARTICLE_GRACE_DAYS) spanLast = m.first;
      if (m.kind === 'article' && m.first < spanFirst && m.first >= spanFirst - ARTICLE_GRACE_DAYS) spanFirst = m.first;
    }
  } else {
    spanFirst = Math.min(...marks.map((m) => m.first));
    spanLast = Math.max(...marks.map((m) => m.first));
  }
  const before = marks.filter((m) => m.last < spanFirst);
  const after = marks.filter((m) => m.first > spanLast);
  const within = marks.filter((m) => m.last >= spanFirst && m.first <= spanLast);

  const xRight = width - PAD - (before.length ? FOLD : 0);
  const xLeft = PAD + (after.length ? FOLD : 0);
  const inset = 8;
  const axisLength = xRight - xLeft - 2 * inset;
  const days = spanLast - spanFirst;
  const x = (day: number) => (days <= 0 ? (xLeft + xRight) / 2 : xRight - inset - ((day - spanFirst) / days) * axisLength);

  const parts: string[] = [];
  parts.push(`<line class="tl-axis" x1="${n1(xLeft)}" y1="${AXIS_Y}" x2="${n1(xRight)}" y2="${AXIS_Y}"/>`);
  // the event's own span, drawn on the axis
  if (options.span) {
    const s = Math.max(firstDay(options.span.start), spanFirst);
    const e = Math.min(lastDay(options.span.end), spanLast);
    parts.push(`<line class="tl-span" x1="${n1(x(s))}" y1="${AXIS_Y}" x2="${n1(x(e))}" y2="${AXIS_Y}"/>`);
  }

  // ticks: the span's two ends first (with their years), then the finest level that leaves room
  const endLabel = (day: number) => {
    const d = dateOf(day);
    return days < 366 ? `${d.getUTCDate()} ${LEVANTINE_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` : String(d.getUTCFullYear());
  };
  const candidates: Array<{ x: number; text: string; strong: boolean }> = [
    { x: x(spanFirst), text: endLabel(spanFirst), strong: true },
    ...(days > 0 ? [{ x: x(spanLast), text: endLabel(spanLast), strong: true }] : []),
  ];
  const levels = tickLevels(spanFirst, spanLast);
  const fits = (level: TickLabel[]) => {
    const xs = level.map((t) => x(t.day));
    const widest = Math.max(0, ...level.map((t) => estimateTextWidth(t.text, OVERVIEW_FONT)));
    return xs.every((v, i) => i === 0 || Math.abs((xs[i - 1] as number) - v) >= widest + 10);
  };
  const level = [...levels].reverse().find((l) => l.length >= 2 && fits(l)) ?? levels.find((l) => l.length > 0) ?? [];
  for (const t of level) if (t.day !== spanFirst && t.day !== spanLast) candidates.push({ x: x(t.day), text: t.text, strong: false });
  parts.push(...placeTickLabels(candidates, xLeft, xRight));

  for (const kind of ['milestone', 'mention', 'article'] as const) {
    const row = within.filter((m) => m.kind === kind).map((m) => ({ x: x(Math.min(Math.max(m.first, spanFirst), spanLast)), item: m }));
    for (const g of groupMarks(row, MIN_MARK_GAP, countRoom)) parts.push(drawGroup(kind, { x: g.x, marks: g.items }));
  }
  if (before.length) parts.push(drawFold('before', before, width - PAD - FOLD, width - PAD));
  if (after.length) parts.push(drawFold('after', after, PAD, PAD + FOLD));

  const titleId = `tl-${options.id}-title`;
  return [
    `<svg class="timeline-overview" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${HEIGHT}" role="img" aria-labelledby="${titleId}" data-span="${isoOf(spanFirst)}/${isoOf(spanLast)}">`,
    `<title id="${titleId}">${escapeXml(options.title)}</title>`,
    ...parts,
    '</svg>',
  ].join('');
}
