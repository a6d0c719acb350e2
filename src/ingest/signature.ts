/**
 * An outlet's signature from outlets.yml as a line test: a plain string matches where it occurs
 * in a line (both folded: hamza seats, ى/ي, ة/ه, diacritics and tatweel erased); `/…/flags` is a
 * regular expression tested against each line as written.
 */
import { foldArabic } from '../arabic/normalise.ts';

export function signatureMatcher(signature: string): (line: string) => boolean {
  const regex = /^\/(.+)\/([a-z]*)$/su.exec(signature);
  if (regex) {
    const flags = regex[2] ?? '';
    const re = new RegExp(regex[1] as string, flags.includes('u') ? flags : `${flags}u`);
    return (line) => re.test(line);
  }
  const folded = foldArabic(signature);
  return (line) => foldArabic(line).includes(folded);
}
