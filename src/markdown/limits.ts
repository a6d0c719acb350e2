/**
 * What a Markdown body may hold before it is rendered. The parser is fast on text but slow on
 * some dense markup: tens of thousands of `*a` runs, `[` or link definitions take minutes, and
 * quotes or lists nested thousands deep overflow the stack of the later stages. No article is
 * like that (the seed articles hold at most a few dozen markup characters), so such a body is
 * refused with a message rather than hanging or crashing the build.
 *
 * Checked in linear time before anything is parsed; the nesting is measured exactly (on the
 * parsed tree, without recursion) only when the indentation of the lines says it could be deep.
 */
import type { Nodes } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** Most markup characters (`*`, `_`, `[`, `]`, backtick, backslash, `<`) in one body. */
export const MAX_MARKUP_CHARACTERS = 3000;
/** Deepest nesting of quotes and lists in one body. */
export const MAX_NESTING = 100;

const MARKUP = /[*_[\]`\\<]/g;
/** One container marker at the start of a line: `>`, `-`, `+`, `*` or `1.` / `1)`. */
const CONTAINER = /^[ \t]{0,3}(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;

/** What is wrong with `body` as "what is wrong; what to do", or undefined. */
export function markdownLimitProblem(body: string): string | undefined {
  const markup = body.match(MARKUP)?.length ?? 0;
  if (markup > MAX_MARKUP_CHARACTERS) {
    return `the text holds ${markup.toLocaleString('en')} Markdown markup characters (* _ [ ] \` \\ <), more than ${MAX_MARKUP_CHARACTERS.toLocaleString('en')}: no article does, and rendering them would take too long; remove them, or check that the file holds an article`;
  }
  const nesting = nestingBound(body);
  if (nesting === 'deep' || (nesting === 'maybe' && nestingDepth(body) > MAX_NESTING)) {
    return `the text nests quotes or lists more than ${MAX_NESTING} levels deep; flatten them (a quote is one ">", a list item one "-")`;
  }
  return undefined;
}

/**
 * A quick look at the lines: `deep` when one line opens more than MAX_NESTING containers by its
 * markers alone (`> > > …`, `- - - …`: certain, and slow to parse), `maybe` when markers and
 * indentation together could (lists nested by indentation: measured on the parsed tree).
 */
function nestingBound(body: string): 'deep' | 'maybe' | 'shallow' {
  let result: 'maybe' | 'shallow' = 'shallow';
  for (const line of body.split('\n')) {
    let rest = line;
    let markers = 0;
    for (let m = CONTAINER.exec(rest); m && m[0].length > 0; m = CONTAINER.exec(rest)) {
      markers++;
      rest = rest.slice(m[0].length);
    }
    if (markers > MAX_NESTING) return 'deep';
    const indent = /^[ \t]*/.exec(rest)?.[0].length ?? 0;
    if (markers + indent / 2 > MAX_NESTING) result = 'maybe';
  }
  return result;
}

const parser = unified().use(remarkParse).freeze();

/** The deepest nesting of blockquotes and lists in the parsed body (an explicit stack, no recursion). */
function nestingDepth(body: string): number {
  let max = 0;
  const stack: Array<[Nodes, number]> = [[parser.parse(body), 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Nodes, number];
    const here = depth + (node.type === 'blockquote' || node.type === 'list' ? 1 : 0);
    if (here > max) max = here;
    if ('children' in node) for (const child of node.children) stack.push([child, here]);
  }
  return max;
}
