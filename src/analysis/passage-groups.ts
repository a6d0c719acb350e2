/**
 * Shared passages grouped by run: a wire paragraph reprinted by n outlets is n(n−1)/2 passages
 * (findSharedPassages gives every pair, passages.ts), but one run, printed in n paragraphs. A
 * group holds every paragraph that prints one run, so what the pages list grows with the
 * paragraphs that share, not with the pairs of them.
 *
 * Which sides are one run: the two sides of a passage, and two sides in one paragraph whose spans
 * overlap (the pairs of a reprint agree over slightly different extents, as each outlet edits the
 * wire text its own way). Sides that only touch, or lie apart in one paragraph (an outlet that
 * joins two wire paragraphs into one), stay in groups of their own.
 *
 * Deterministic: the groups and their members follow the order of the articles given (oldest
 * first, on an event page), then the paragraph and the offset; nothing depends on the order of
 * the passages handed in. Pure.
 */
import type { SharedPassage } from './passages.ts';

/** A paragraph that prints a group's run. */
export interface GroupMember {
  id: string;
  /** Paragraph index, 0-based. */
  paragraph: number;
  /** The parts of the paragraph in the run, in order: overlapping sides merged. */
  spans: Array<{ start: number; end: number }>;
  /** The longest side in this paragraph (the first of them by offset): its length in words, and its text. */
  words: number;
  text: string;
}

export interface PassageGroup {
  /** The longest side of the group, as the first member holding it wrote it. */
  words: number;
  text: string;
  /** Each paragraph once, in the order of the articles given, then by paragraph. */
  members: GroupMember[];
}

interface Side {
  id: string;
  rank: number;
  paragraph: number;
  start: number;
  end: number;
  words: number;
  text: string;
}

/** Groups `passages` (all of one comparison) by run; `order`: every article id they name, in the order to list them. */
export function groupSharedPassages(passages: readonly SharedPassage[], order: readonly string[]): PassageGroup[] {
  const rankOf = new Map(order.map((id, i) => [id, i]));
  const sides: Side[] = [];
  for (const p of passages) {
    for (const s of [p.a, p.b]) {
      const rank = rankOf.get(s.id);
      if (rank === undefined) throw new Error(`groupSharedPassages: passage side of article ${s.id}, which the order does not list`);
      sides.push({ id: s.id, rank, paragraph: s.paragraph, start: s.start, end: s.end, words: p.words, text: s.text });
    }
  }
  // sides 2i and 2i + 1 are one passage's
  const parent = sides.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (i: number, j: number): void => {
    const [x, y] = [find(i), find(j)];
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  };
  for (let i = 0; i < sides.length; i += 2) union(i, i + 1);

  // by article, paragraph and offset: overlapping neighbours in one paragraph are one run
  const sorted = sides.map((_, i) => i).sort((i, j) => compareSides(sides[i]!, sides[j]!));
  let reach = -1;
  for (let k = 0; k < sorted.length; k++) {
    const s = sides[sorted[k]!]!;
    const previous = k > 0 ? sides[sorted[k - 1]!]! : undefined;
    if (previous && previous.id === s.id && previous.paragraph === s.paragraph && s.start < reach) union(sorted[k - 1]!, sorted[k]!);
    else if (previous && (previous.id !== s.id || previous.paragraph !== s.paragraph)) reach = -1;
    reach = Math.max(reach, s.end);
  }

  // each group's sides, in the sorted order: members in order, and a group's first side leads it
  const bySet = new Map<number, Side[]>();
  for (const i of sorted) {
    const root = find(i);
    const list = bySet.get(root);
    if (list) list.push(sides[i]!);
    else bySet.set(root, [sides[i]!]);
  }
  const groups = [...bySet.values()].map((list): PassageGroup & { lead: Side } => {
    const members: GroupMember[] = [];
    for (const s of list) {
      const last = members.at(-1);
      if (last && last.id === s.id && last.paragraph === s.paragraph) {
        const span = last.spans.at(-1)!;
        if (s.start < span.end) span.end = Math.max(span.end, s.end);
        else last.spans.push({ start: s.start, end: s.end });
        if (s.words > last.words) Object.assign(last, { words: s.words, text: s.text });
      } else {
        members.push({ id: s.id, paragraph: s.paragraph, spans: [{ start: s.start, end: s.end }], words: s.words, text: s.text });
      }
    }
    const longest = members.reduce((best, m) => (m.words > best.words ? m : best));
    return { words: longest.words, text: longest.text, members, lead: list[0]! };
  });
  return groups.sort((x, y) => compareSides(x.lead, y.lead)).map(({ words, text, members }) => ({ words, text, members }));
}

function compareSides(x: Side, y: Side): number {
  return x.rank - y.rank || x.paragraph - y.paragraph || x.start - y.start || x.end - y.end || x.words - y.words;
}
