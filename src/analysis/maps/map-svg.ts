/**
 * Small SVG-writing helpers for the build-time maps: escaping, number formatting and the
 * compaction of d3-geo path strings (rounded to a tenth of a unit, relative, duplicates dropped).
 */

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe for SVG/XML text and attribute values: the five special characters escaped and
 * the characters XML does not allow at all (C0 controls other than tab and newlines, lone
 * surrogates, U+FFFE/U+FFFF) removed.
 */
export function escapeXml(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c] as string);
}

/** A number rounded to one decimal, written as briefly as possible ("12", "3.5", "-0.5"). */
export function num(n: number): string {
  const v = Math.round(n * 10) / 10;
  return Object.is(v, -0) ? '0' : String(v);
}

/** Tenths written as a decimal with no leading zero: 35 → "3.5", -5 → "-.5", 120 → "12". */
function tenths(t: number): string {
  if (t === 0) return '0';
  const sign = t < 0 ? '-' : '';
  const a = Math.abs(t);
  const int = Math.floor(a / 10);
  const frac = a % 10;
  return sign + (frac === 0 ? String(int) : `${int === 0 ? '' : int}.${frac}`);
}

/** Joins numbers of a path, leaving out the separator where a minus sign already separates. */
function joinNumbers(parts: string[]): string {
  let out = '';
  for (const p of parts) {
    if (out && !p.startsWith('-') && !(p.startsWith('.') && /\.\d*$/.test(out))) out += ' ';
    out += p;
  }
  return out;
}

/**
 * Rewrites a path string made of M/L/Z commands (what geoPath writes for polygons and lines) with
 * every coordinate rounded to a tenth, relative `l` segments, repeated points dropped, and rings
 * that collapse to fewer than three distinct points removed. Returns '' when nothing is left.
 *
 * `minStep` (default 0): a point closer than this to the last point kept is dropped (the last
 * point of an open line is always kept), which thins coastlines drawn at a small scale without a
 * visible change (0.5 unit is half a pixel at 1:1), and a closed ring spanning less than twice
 * `minStep` both ways is left out.
 */
export function compactPath(d: string, minStep = 0): string {
  const min2 = (minStep * 10) ** 2;
  const rings: Array<{ points: Array<[number, number]>; closed: boolean; pending?: [number, number] | undefined }> = [];
  const command = /([MLZ])([^MLZ]*)/gy;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = command.exec(d)) !== null) {
    consumed = command.lastIndex;
    const [, op, args] = m as unknown as [string, string, string];
    if (op === 'Z') {
      const ring = rings[rings.length - 1];
      if (ring) ring.closed = true;
      continue;
    }
    const xy = args.split(',').map(Number);
    if (xy.length !== 2 || !xy.every(Number.isFinite)) throw new Error(`compactPath: cannot read "${op}${args}"`);
    const point: [number, number] = [Math.round((xy[0] as number) * 10), Math.round((xy[1] as number) * 10)];
    if (op === 'M') rings.push({ points: [point], closed: false });
    else {
      const ring = rings[rings.length - 1];
      if (!ring) throw new Error('compactPath: a path must start with M');
      const last = ring.points[ring.points.length - 1] as [number, number];
      const dx = point[0] - last[0];
      const dy = point[1] - last[1];
      if (dx === 0 && dy === 0) continue;
      if (dx * dx + dy * dy >= min2) {
        ring.points.push(point);
        ring.pending = undefined;
      } else ring.pending = point;
    }
  }
  if (consumed !== d.length) throw new Error(`compactPath: unexpected path data at ${consumed}: "${d.slice(consumed, consumed + 20)}"`);

  let out = '';
  for (const ring of rings) {
    const pts = ring.points;
    if (!ring.closed && ring.pending) pts.push(ring.pending);
    if (ring.closed) {
      while (pts.length > 1) {
        const first = pts[0] as [number, number];
        const last = pts[pts.length - 1] as [number, number];
        if (first[0] !== last[0] || first[1] !== last[1]) break;
        pts.pop();
      }
      if (pts.length < 3) continue;
      if (minStep > 0) {
        // A ring smaller than the step both ways (a speck of an island) is left out.
        const xs = pts.map((p) => p[0]);
        const ys = pts.map((p) => p[1]);
        const limit = minStep * 10 * 2;
        if (Math.max(...xs) - Math.min(...xs) < limit && Math.max(...ys) - Math.min(...ys) < limit) continue;
      }
    } else if (pts.length < 2) continue;
    const [x0, y0] = pts[0] as [number, number];
    out += `M${joinNumbers([tenths(x0), tenths(y0)])}`;
    if (pts.length > 1) {
      const deltas: string[] = [];
      for (let i = 1; i < pts.length; i++) {
        const [x, y] = pts[i] as [number, number];
        const [px, py] = pts[i - 1] as [number, number];
        deltas.push(tenths(x - px), tenths(y - py));
      }
      out += `l${joinNumbers(deltas)}`;
    }
    if (ring.closed) out += 'z';
  }
  return out;
}
