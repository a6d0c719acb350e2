/**
 * Arabic number agreement: a count with its noun in the form the grammar wants ("مقالان",
 * "5 مقالات", "11 مقالاً", "100 مقال"). Pure, with no Node imports, so the browser's search
 * script can use it too. The nouns themselves (UI strings) live with the pages that show them.
 */

/** Forms of a counted noun, by Arabic plural category; `#` stands for the number. */
export interface CountedNoun {
  zero: string;
  one: string;
  two: string;
  /** 3–10 (and 103–110…): plural. */
  few: string;
  /** 11–99 (and 111–199…): accusative singular. */
  many: string;
  /** 100, 1000, 101, 102…: genitive singular. */
  other: string;
}

const arabicPlural = new Intl.PluralRules('ar');

/** "5 مقالات", "مقالان", "11 مقالاً": a number with its noun in the form Arabic grammar wants. */
export function countText(n: number, noun: CountedNoun): string {
  const category = arabicPlural.select(n) as keyof CountedNoun;
  return (noun[category] ?? noun.other).replace('#', String(n));
}
