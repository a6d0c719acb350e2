/**
 * `npm run add -- --help`: the one usage text of the add command. Every option parseArgs
 * accepts (ADD_OPTIONS in ./add.ts) must have its line here; tests/add-help.test.ts checks it,
 * so a new option without a line fails the suite. Add yours to OPTION_LINES, one line each.
 */

/** `[flag, argument, what it does]`, in the order the help lists them. */
export const OPTION_LINES: ReadonlyArray<readonly [flag: string, argument: string, text: string]> = [
  ['--url', 'URL', "the article's address; its domain names the outlet, a date in its path dates it (a saved page's canonical address is used when this is absent)"],
  ['--outlet', 'KEY', 'the outlet, a key of content/data/outlets.yml, when the text or page does not name it'],
  ['--new-outlet', '', 'add the outlet the evidence names (masthead, byline, domain) to outlets.yml when it is not there yet, then write the article'],
  ['--date', 'YYYY-MM-DD', 'the publication date, when the text or page does not state it (date_basis: editor)'],
  ['--title', '"…"', 'the headline, when the text or page leaves it in doubt'],
  ['--event', 'KEY|none', 'the event (a file of content/events/), or none to assign no event; otherwise chosen by date and places'],
  ['--replace', 'ID', 're-normalise FILE over the existing article ID, keeping its id and the old source beside the new one'],
  ['--repair', '', 'read a text with damaged UTF-8 all the same, the damaged bytes shown as U+FFFD and counted'],
  ['--content', 'DIR', 'the content folder (default content/)'],
  ['--dry-run', '', 'decide and report everything, write nothing'],
  ['--json', '', 'print the normalised article and the report as JSON on stdout'],
  ['--help', '', 'print this text (also -h)'],
];

function optionLines(): string {
  const left = OPTION_LINES.map(([flag, arg]) => (arg ? `${flag} ${arg}` : flag));
  const width = Math.max(...left.map((l) => l.length)) + 2;
  return OPTION_LINES.map(([, , text], i) => `  ${(left[i] as string).padEnd(width)}${text}`).join('\n');
}

export const ADD_USAGE = 'usage: npm run add -- FILE... [--url URL] [--outlet KEY] [--date YYYY-MM-DD] [--event KEY] [--dry-run] [--json] (--help for every option)';

export const ADD_HELP = `Normalises raw Arabic news articles into content/articles/, and keeps each raw file, byte for
byte, in content/sources/. Nothing is ever overwritten.

usage: npm run add -- FILE... [options]

FILE is an article's text copied off the web (.txt: UTF-8, UTF-16 or Windows-1256), or a page
saved from a browser (.html/.htm "Webpage, complete" or "HTML only", a SingleFile save, or
.mhtml "Webpage, single file"); a saved page's JSON-LD, OpenGraph and canonical address are read
as evidence for its headline, date, outlet and author.

options:
${optionLines()}

exit codes:
  0  written (or, with --dry-run, would be)
  1  needs your input: the message names the flag to pass (--date, --outlet, --title…)
  2  unusable input (empty, binary, not Arabic, no headline, too large, already in the archive)

examples:
  npm run add -- ~/Downloads/baghuz-mines.txt --url https://www.alkhaleej.ae/…
  npm run add -- ~/Downloads/baghuz-civilians.html
  npm run add -- raw/raqqa.txt --date 2017-10-17 --outlet al-khaleej --dry-run
`;
