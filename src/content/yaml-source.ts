/**
 * YAML with positions: parses a YAML text without timestamps (dates stay strings) and answers
 * "on which line is this field?" so every problem can point at the line to fix.
 */
import { isMap, isSeq, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Problem } from './problem.ts';

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
  const doc = parseDocument(text, { lineCounter, schema: 'core', uniqueKeys: true, prettyErrors: false });
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const problems: Problem[] = [...doc.errors, ...doc.warnings].map((err) => ({
    file,
    line: toFileLine(err.pos[0]),
    message: `the YAML cannot be read (${yamlReason(err.code, err.message)})`,
    hint: 'fix the syntax on that line (check quotes around text containing ":" or "#", and the indentation)',
  }));
  const broken = doc.errors.length > 0;
  return {
    value: broken ? undefined : doc.toJS({ maxAliasCount: 50 }),
    lineOf: (path) => {
      const node = nodeAt(doc, path);
      return node?.range ? toFileLine(node.range[0]) : undefined;
    },
    problems,
  };
}

function yamlReason(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message;
  const reasons: Record<string, string> = {
    DUPLICATE_KEY: 'a key appears twice',
    BAD_INDENT: 'bad indentation',
    MISSING_CHAR: 'a closing quote or bracket is missing',
    MULTILINE_IMPLICIT_KEY: 'a key runs over several lines; a value containing ": " needs quotes',
    BLOCK_AS_IMPLICIT_KEY: 'a value containing ": " needs quotes',
    UNEXPECTED_TOKEN: 'unexpected character',
    TAB_AS_INDENT: 'a tab is used for indentation; use spaces',
  };
  return reasons[code] ?? first.replace(/ at line \d+, column \d+.*$/, '');
}

/** The deepest node along `path`: the key of a map entry, the item of a sequence. */
function nodeAt(doc: Document, path: ReadonlyArray<string | number>): Node | undefined {
  let current: unknown = doc.contents;
  let found: Node | undefined = (doc.contents as Node | null) ?? undefined;
  for (const step of path) {
    if (isMap(current)) {
      const pair = current.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
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
