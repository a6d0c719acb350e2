/**
 * Reading one content file's text: its size within the limit for its kind, its bytes UTF-8
 * (the encoding is told apart by src/arabic/decode.ts), line ends made LF; or one problem saying
 * what the file is instead and what to do.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Problem } from '../core/problem.ts';
import { displayPath } from '../core/paths.ts';
import { utf8Fault } from '../arabic/decode.ts';

/**
 * Largest content files read. An article above 2 MB is not an article, whether the Markdown the
 * build reads or the raw text `npm run add` takes: a pasted dump or several articles in one,
 * which would also make a page no reader can load. Data files get more room (a large gazetteer)
 * but not without bound: a mislaid video must not be read into memory.
 */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;
export const MAX_DATA_BYTES = 16 * 1024 * 1024;

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** The file's text (UTF-8, BOM allowed, line ends made LF), or undefined with a problem. */
export function readText(path: string, problems: Problem[], maxBytes: number): string | undefined {
  const file = displayPath(path);
  const size = statSync(path).size;
  if (size > maxBytes) {
    problems.push(
      maxBytes === MAX_ARTICLE_BYTES
        ? {
            file,
            message: `is ${megabytes(size)}; a news article's text is far smaller (limit ${megabytes(maxBytes)}, as for \`npm run add\`)`,
            hint: "keep only the article's text, one article per file",
          }
        : {
            file,
            message: `is ${megabytes(size)}, more than a data file may hold (limit ${megabytes(maxBytes)})`,
            hint: 'check that it is the right file; split the data or move other files out of content/',
          },
    );
    return undefined;
  }
  const bytes = readFileSync(path);
  const fault = utf8Fault(bytes);
  if (fault === undefined) return new TextDecoder('utf-8').decode(bytes).replace(/\r\n?/g, '\n');
  const lineAt = (offset: number) => bytes.subarray(0, offset).filter((b) => b === 0x0a).length + 1;
  switch (fault.fault) {
    case 'binary': {
      const what = fault.kind === 'it contains NUL bytes' ? `it contains NUL bytes, the first on line ${lineAt(fault.nulOffset)}` : fault.kind;
      problems.push({ file, message: `is a binary file${what ? ` (${what})` : ''}, not text`, hint: 'remove it, or replace it with a UTF-8 text file' });
      break;
    }
    case 'windows-1256':
      problems.push({
        file,
        line: lineAt(fault.offset),
        message: 'is not UTF-8 but Windows-1256 (the older Arabic Windows encoding)',
        hint: 'save it as UTF-8 (e.g. `iconv -f WINDOWS-1256 -t UTF-8`); raw texts in any encoding go through `npm run add`',
      });
      break;
    case 'utf-16':
      problems.push({ file, message: 'is UTF-16, not UTF-8', hint: 'save it as UTF-8' });
      break;
    case 'nul':
      problems.push({ file, line: lineAt(fault.offset), message: 'contains a NUL byte, which no text holds', hint: 'remove it (the file may be damaged), and save it as UTF-8' });
      break;
    case 'invalid':
      problems.push({ file, line: lineAt(fault.offset), message: 'is not valid UTF-8', hint: 'save the file as UTF-8 (raw texts in other encodings go through `npm run add`)' });
      break;
  }
  return undefined;
}
