/**
 * A strict RIS reader (the tagged format of Research Information Systems): every line is
 * `TG  - value` (two capitals or a capital and a digit, two spaces, a hyphen, a space), a record
 * runs from `TY` to `ER`, and no line is a continuation (a reference manager would join it to
 * the value with a space or a line break, changing the text). Returns each record's tags.
 */

export class RisError extends Error {}

export type RisRecord = Array<[tag: string, value: string]>;

export function parseRis(text: string): RisRecord[] {
  const records: RisRecord[] = [];
  let current: RisRecord | null = null;
  text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .forEach((line, n) => {
      if (line === '') return;
      const m = /^([A-Z][A-Z0-9]) {2}- ?(.*)$/.exec(line);
      if (!m) throw new RisError(`line ${n + 1}: not "TG  - value": ${JSON.stringify(line.slice(0, 40))}`);
      const [, tag, value] = m as unknown as [string, string, string];
      if (tag === 'TY') {
        if (current) throw new RisError(`line ${n + 1}: TY before the previous record's ER`);
        current = [];
      } else if (!current) throw new RisError(`line ${n + 1}: ${tag} outside a record (no TY before it)`);
      if (tag === 'ER') {
        records.push(current);
        current = null;
        return;
      }
      current.push([tag, value]);
    });
  if (current) throw new RisError('the last record has no ER');
  return records;
}

/** The values of `tag` in a record. */
export const risValues = (record: RisRecord, tag: string) => record.filter(([t]) => t === tag).map(([, v]) => v);
