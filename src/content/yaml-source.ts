/**
 * YAML with positions: parses a YAML text without timestamps (dates stay strings) and answers
 * "on which line is this field?" so every problem can point at the line to fix.
 */
import {
  Composer,
  isAlias,
  isMap,
  isSeq,
  isScalar,
  LineCounter,
  Parser,
  visit,
  YAMLParseError,
  type CST,
  type Document,
  type DocumentOptions,
  type Node,
  type Pair,
  type ParseOptions,
  type SchemaOptions,
  type YAMLMap,
} from 'yaml';

type Token = CST.Token;
import type { Problem } from '../core/problem.ts';

export interface YamlSource {
  /** The parsed value, or undefined when the YAML is broken (see problems). */
  value: unknown;
  /** The line (1-based, in the whole file) of the field at `path`, or the nearest parent's. */
  lineOf(path: ReadonlyArray<string | number>): number | undefined;
  problems: Problem[];
}

/**
 * @param text the YAML text
 * @param file the file's path as the user sees it
 * @param firstLine the file line on which `text` starts (front matter starts on line 2)
 */
export function parseYamlSource(text: string, file: string, firstLine = 1): YamlSource {
  const lineCounter = new LineCounter();
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const unreadable = (line: number, reason: string, hint = SYNTAX_HINT): YamlSource => ({
    value: undefined,
    lineOf: () => undefined,
    problems: [{ file, line, message: `the YAML cannot be read (${reason})`, hint }],
  });
  let doc: Document;
  try {
    // The text is tokenised once (the parser does not recurse); the composer, which does, builds
    // the document from the same tokens only once their depth is known to be safe: thousands of
    // nested [ or - would exhaust the stack, which Node cannot always survive.
    const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
    const tooDeep = tooDeepAt(tokens);
    if (tooDeep !== undefined) {
      const line = text.slice(0, tooDeep).split('\n').length + firstLine - 1;
      return unreadable(line, `it nests lists and maps more than ${MAX_DEPTH} levels deep`, 'write the values out flat, as the other files do');
    }
    // Duplicate keys are found below: the parser's own check compares every key with every other.
    doc = composeOne(tokens, text.length, { lineCounter, schema: 'core', uniqueKeys: false, prettyErrors: false });
  } catch (error) {
    // The parser recurses on nesting: thousands of nested [ or { exhaust the stack.
    if (error instanceof RangeError) return unreadable(firstLine, 'it is nested too deeply', 'write the values out flat, as the other files do');
    throw error;
  }
  const problems: Problem[] = [];
  const seenLines = new Set<number>();
  if (doc.errors.length === 0) {
    for (const key of duplicateKeys(doc)) {
      const offset = key.range?.[0] ?? 0;
      doc.errors.push(new YAMLParseError([offset, offset + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
    }
  }
  for (const err of [...doc.errors, ...doc.warnings]) {
    // One problem per line: the parser often reports one mistake several times.
    const line = toFileLine(err.pos[0]);
    if (seenLines.has(line)) continue;
    seenLines.add(line);
    problems.push({ file, line, message: `the YAML cannot be read (${yamlReason(err.code, err.message, text.slice(err.pos[0]))})`, hint: SYNTAX_HINT });
  }
  const broken = doc.errors.length > 0;
  let value: unknown;
  if (!broken) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // Aliases that expand too far ("billion laughs"), or an alias used before its anchor.
      const alias = firstAlias(doc);
      const line = alias?.range ? toFileLine(alias.range[0]) : firstLine;
      const tooMany = error instanceof Error && /alias count/i.test(error.message);
      return unreadable(
        line,
        tooMany ? 'its aliases (*name) expand into too much data' : 'an alias (*name) refers to no anchor (&name) above it',
        'write the values out instead of using anchors (&name) and aliases (*name)',
      );
    }
  }
  return {
    value,
    lineOf: (path) => {
      const node = nodeAt(doc, path);
      return node?.range ? toFileLine(node.range[0]) : firstLine;
    },
    problems,
  };
}

/** Deepest nesting of lists and maps accepted; content files need 5 levels. */
const MAX_DEPTH = 64;

/**
 * The one document of `tokens`, as yaml's parseDocument composes it (with `prettyErrors: false`):
 * a second document is an error, MULTIPLE_DOCS, on the first.
 */
function composeOne(tokens: Token[], length: number, options: ParseOptions & DocumentOptions & SchemaOptions): Document {
  const composer = new Composer(options);
  let doc: Document | undefined;
  for (const next of composer.compose(tokens, true, length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  // compose(…, true, …) always ends with a document, an empty one for empty text
  return doc as Document;
}

/**
 * The offset of a collection nested more than MAX_DEPTH deep in the parser's tokens, or
 * undefined; counted on the token tree with an explicit stack (the parser itself does not recurse).
 */
function tooDeepAt(tokens: Token[]): number | undefined {
  const stack: Array<[unknown, number]> = [];
  for (const token of tokens) stack.push([token, 0]);
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    const offset = (node as { offset?: unknown }).offset;
    if (depth > MAX_DEPTH && typeof offset === 'number') return offset;
    const type = (node as { type?: unknown }).type;
    const inner = depth + (type === 'block-map' || type === 'block-seq' || type === 'flow-collection' ? 1 : 0);
    for (const value of Array.isArray(node) ? node : Object.values(node)) {
      if (value !== null && typeof value === 'object') stack.push([value, Array.isArray(node) ? depth : inner]);
    }
  }
  return undefined;
}

/** How often aliases may be expanded in one file: enough for any honest use, far too few for a bomb. */
const MAX_ALIAS_COUNT = 50;

const SYNTAX_HINT = 'fix the syntax on that line (check quotes around text containing ":" or "#", and the indentation)';

/** The second and later occurrences of a key in the same map, anywhere in the document. */
function duplicateKeys(doc: Document): Node[] {
  const found: Node[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (seen.has(key)) found.push(pair.key);
        seen.add(key);
      }
    },
  });
  return found;
}

function firstAlias(doc: Document): Node | undefined {
  let found: Node | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node)) found = node;
      return visit.BREAK;
    },
  });
  return found;
}

function yamlReason(code: string, message: string, from: string): string {
  const first = message.split('\n')[0] ?? message;
  if (code === 'DUPLICATE_KEY') {
    const key = /^["']?([^"':\n]{1,60})["']?\s*:/.exec(from)?.[1];
    if (key) return `the key "${key.trim()}" appears twice`;
  }
  const reasons: Record<string, string> = {
    DUPLICATE_KEY: 'a key appears twice',
    BAD_INDENT: 'bad indentation',
    MISSING_CHAR: 'a closing quote or bracket is missing',
    MULTILINE_IMPLICIT_KEY: 'a key runs over several lines; a value containing ": " needs quotes',
    BLOCK_AS_IMPLICIT_KEY: 'a value containing ": " needs quotes',
    UNEXPECTED_TOKEN: 'unexpected character',
    TAB_AS_INDENT: 'a tab is used for indentation; use spaces',
    TAG_RESOLVE_FAILED: 'a value starts with "!", which YAML reads as a type tag; put the value in quotes',
    BAD_ALIAS: 'a value starts with "*", which YAML reads as an alias; put the value in quotes',
    BAD_SCALAR_START: 'a value starts with a character YAML reserves (such as @ or `); put the value in quotes',
    MULTIPLE_DOCS: 'a line "---" starts a second document; a file holds one',
    KEY_OVER_1024_CHARS: 'a key is over 1024 characters long; a line is probably missing its ": " or a closing quote',
  };
  if (/call stack/i.test(first)) return 'it is nested too deeply';
  return reasons[code] ?? first.replace(/ at line \d+, column \d+.*$/, '');
}

/** The deepest node along `path`: the key of a map entry, the item of a sequence. */
function nodeAt(doc: Document, path: ReadonlyArray<string | number>): Node | undefined {
  let current: unknown = doc.contents;
  let found: Node | undefined = (doc.contents as Node | null) ?? undefined;
  for (const step of path) {
    if (isMap(current)) {
      const pair = pairsByKey(current).get(String(step));
      if (!pair) break;
      found = (pair.key as Node) ?? found;
      current = pair.value;
    } else if (isSeq(current) && typeof step === 'number') {
      const item = current.items[step];
      if (!item) break;
      found = item as Node;
      current = item;
    } else {
      break;
    }
  }
  return found;
}

const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

/** A map's pairs by key, built once per map: a file with thousands of problems stays fast. */
function pairsByKey(map: YAMLMap): Map<string, Pair> {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) if (isScalar(pair.key) && !index.has(String(pair.key.value))) index.set(String(pair.key.value), pair);
    pairIndex.set(map, index);
  }
  return index;
}

/** "a list", "a map", "a number", "true or false", "text": what a YAML value is, for messages. */
export function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'empty';
  switch (typeof value) {
    case 'object':
      return 'a group of fields';
    case 'number':
    case 'bigint':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'string':
      return 'text';
    default:
      return typeof value;
  }
}
