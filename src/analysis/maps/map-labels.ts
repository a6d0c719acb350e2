/**
 * Label placement for the build-time maps (the width estimate of a label is src/arabic/text-width.ts),
 * and a greedy placer that tries the sides of a
 * marker in turn and refuses positions that overlap what is already placed or leave the view.
 */

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Where a label goes, as SVG text attributes, and the box it is expected to cover. */
export interface LabelPosition {
  x: number;
  y: number;
  anchor: 'start' | 'end' | 'middle';
  box: Box;
}

export { estimateTextWidth } from '../../arabic/text-width.ts';

export function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

export function inside(a: Box, view: Box): boolean {
  return a.x0 >= view.x0 && a.x1 <= view.x1 && a.y0 >= view.y0 && a.y1 <= view.y1;
}

/**
 * The candidate positions of a label beside a marker of radius `r` at (x, y), in the order tried:
 * west of the marker (an Arabic label reads away from its point, right to left), east, above,
 * below, then the four diagonals. The text is right-to-left, so `start` is its right edge and
 * `end` its left edge.
 */
export function candidatePositions(x: number, y: number, r: number, width: number, fontSize: number): LabelPosition[] {
  const gap = 3;
  const h = fontSize * 1.3; // box height: Naskh is tall
  const d = (r + gap) * 0.75; // offset of the diagonal positions
  const boxes: Array<[LabelPosition['anchor'], Box]> = [
    ['start', { x0: x - r - gap - width, y0: y - h / 2, x1: x - r - gap, y1: y + h / 2 }],
    ['end', { x0: x + r + gap, y0: y - h / 2, x1: x + r + gap + width, y1: y + h / 2 }],
    ['middle', { x0: x - width / 2, y0: y - r - gap - h, x1: x + width / 2, y1: y - r - gap }],
    ['middle', { x0: x - width / 2, y0: y + r + gap, x1: x + width / 2, y1: y + r + gap + h }],
    ['start', { x0: x - d - width, y0: y - d - h, x1: x - d, y1: y - d }],
    ['end', { x0: x + d, y0: y - d - h, x1: x + d + width, y1: y - d }],
    ['start', { x0: x - d - width, y0: y + d, x1: x - d, y1: y + d + h }],
    ['end', { x0: x + d, y0: y + d, x1: x + d + width, y1: y + d + h }],
  ];
  return boxes.map(([anchor, box]) => ({
    x: anchor === 'start' ? box.x1 : anchor === 'end' ? box.x0 : (box.x0 + box.x1) / 2,
    y: (box.y0 + box.y1) / 2 + fontSize * 0.35,
    anchor,
    box,
  }));
}

function overlapArea(a: Box, b: Box): number {
  return Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
}

/**
 * The first candidate that stays inside `view` and overlaps none of `taken`; with `force`, when
 * none is free, the candidate inside the view that overlaps least (or else the first one), so a
 * label that must be shown is shown. Returns undefined when nothing fits and the label may be
 * dropped.
 */
export function placeLabel(candidates: LabelPosition[], taken: readonly Box[], view: Box, force: boolean): LabelPosition | undefined {
  const within = candidates.filter((c) => inside(c.box, view));
  const free = within.find((c) => !taken.some((t) => overlaps(c.box, t)));
  if (free || !force) return free;
  let best: LabelPosition | undefined;
  let least = Infinity;
  for (const c of within) {
    const cost = taken.reduce((sum, t) => sum + overlapArea(c.box, t), 0);
    if (cost < least) [best, least] = [c, cost];
  }
  return best ?? candidates[0];
}
