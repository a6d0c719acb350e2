/**
 * A timeline drawn as SVG, right to left as Arabic reads: the earliest date at the right edge,
 * the latest at the left. Milestones are diamonds, dated mentions dots, articles squares;
 * year (or month) ticks below. Built at build time; no JavaScript. The ordered list on the page
 * is the accessible version; this is its overview.
 */
import { LEVANTINE_MONTHS } from '../arabic/calendar.ts';
import type { TimelineEntry } from './build-timeline.ts';

export interface OverviewOptions {
  width?: number;
  /** Used for the <title>; ids derive from `id`. */
  title: string;
  id: string;
}

const HEIGHT = 96;
const PAD = 24;
const AXIS_Y = 56;

/** Days since 1970 for a partial date (a year or a month stands at its first day). */
function dayNumber(value: string): number {
  const [y, m = '01', d = '01'] = value.split('-');
  return Date.UTC(Number(y), Number(m) - 1, Number(d)) / 86_400_000;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderTimelineOverview(entries: TimelineEntry[], options: OverviewOptions): string {
  const width = options.width ?? 640;
  if (entries.length === 0) return '';
  const days = entries.map((e) => dayNumber(e.value));
  const first = Math.min(...days);
  const last = Math.max(...days);
  const span = Math.max(last - first, 30);
  const x = (day: number) => (width - PAD - ((day - first) / span) * (width - 2 * PAD)).toFixed(1);

  const tick = (at: string, label: string) =>
    `<line class="tl-tick" x1="${at}" y1="${AXIS_Y}" x2="${at}" y2="${AXIS_Y + 5}"/><text class="tl-tick-label" x="${at}" y="${AXIS_Y + 20}" text-anchor="middle">${escape(label)}</text>`;
  const ticks: string[] = [];
  const firstYear = new Date(first * 86_400_000).getUTCFullYear();
  const lastYear = new Date(last * 86_400_000).getUTCFullYear();
  if (lastYear - firstYear >= 2) {
    const step = Math.ceil((lastYear - firstYear + 1) / 8);
    for (let y = firstYear; y <= lastYear; y += step) ticks.push(tick(x(dayNumber(String(y))), String(y)));
  } else {
    // Month ticks, named as the Levant names them; the year on the first tick and on each January.
    const start = new Date(first * 86_400_000);
    for (let y = start.getUTCFullYear(), m = start.getUTCMonth() + 1; dayNumber(`${y}-${String(m).padStart(2, '0')}`) <= last; m === 12 ? ((m = 1), y++) : m++) {
      const name = LEVANTINE_MONTHS[m - 1] as string;
      ticks.push(tick(x(dayNumber(`${y}-${String(m).padStart(2, '0')}`)), ticks.length === 0 || m === 1 ? `${name} ${y}` : name));
    }
  }

  const marks = entries.flatMap((entry) => {
    const cx = x(dayNumber(entry.value));
    return entry.items.map((item) => {
      const label = escape(`${entry.label}: ${item.kind === 'milestone' ? item.text : item.kind === 'article' ? item.article.title : `${item.mentions.length} إشارة في المقالات`}`);
      if (item.kind === 'milestone') return `<path class="tl-milestone" d="M${cx} ${AXIS_Y - 30}l6 6-6 6-6-6z"><title>${label}</title></path>`;
      if (item.kind === 'article') return `<rect class="tl-article" x="${(Number(cx) - 3.5).toFixed(1)}" y="${AXIS_Y - 16}" width="7" height="7"><title>${label}</title></rect>`;
      return `<circle class="tl-mention${item.flagged ? ' tl-flagged' : ''}" cx="${cx}" cy="${AXIS_Y - 4}" r="3.5"><title>${label}</title></circle>`;
    });
  });

  const titleId = `tl-${options.id}-title`;
  return [
    `<svg class="timeline-overview" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${HEIGHT}" role="img" aria-labelledby="${titleId}">`,
    `<title id="${titleId}">${escape(options.title)}</title>`,
    `<line class="tl-axis" x1="${PAD}" y1="${AXIS_Y}" x2="${width - PAD}" y2="${AXIS_Y}"/>`,
    ...ticks,
    ...marks,
    '</svg>',
  ].join('');
}
