/**
 * `npm run add -- --help` (and -h): one line for every option parseArgs accepts (so the text
 * cannot go stale when an option is added), the exit codes and an example; exit 0 and nothing
 * written.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ADD_HELP, OPTION_LINES } from '../src/cli/add-help.ts';
import { ADD_OPTIONS } from '../src/cli/add.ts';
import { PROJECT_ROOT } from '../src/core/paths.ts';

const add = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src', 'cli', 'add.ts'), ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });

describe('add --help', () => {
  it('has a line for every option parseArgs accepts, with its short form', () => {
    const flags = new Set(OPTION_LINES.map(([flag]) => flag));
    for (const [name, option] of Object.entries(ADD_OPTIONS)) {
      assert.ok(flags.has(`--${name}`), `--${name} is accepted but has no line in OPTION_LINES (src/cli/add-help.ts)`);
      const line = ADD_HELP.split('\n').find((l) => l.trimStart().startsWith(`--${name}`));
      assert.ok(line, `--${name} is missing from the help text`);
      assert.ok(!line.includes('\n'));
      if ('short' in option) assert.match(ADD_HELP, new RegExp(`-${option.short}\\b`), `-${option.short} is not mentioned`);
    }
  });

  it('gives every option one line of text, and lists the exit codes and an example', () => {
    for (const [flag, , text] of OPTION_LINES) {
      assert.ok(text.length > 10 && !text.includes('\n'), `${flag}: one line of text`);
      assert.equal(ADD_HELP.split('\n').filter((l) => l.trimStart().startsWith(`${flag} `) || l.trim() === flag).length, 1, `${flag} listed once`);
    }
    for (const code of ['0', '1', '2']) assert.match(ADD_HELP, new RegExp(`^  ${code}  \\S`, 'm'), `exit code ${code}`);
    assert.match(ADD_HELP, /npm run add -- \S+\.html/);
    assert.match(ADD_HELP, /npm run add -- \S+\.txt/);
  });

  for (const flag of ['--help', '-h']) {
    it(`${flag} prints it on stdout and exits 0, even with a file`, () => {
      const result = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src', 'cli', 'add.ts'), flag, 'no-such-file.txt'], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
      });
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout, `${ADD_HELP}\n`);
      assert.equal(result.stderr, '');
    });
  }

  it('points to --help when an option is unknown', () => {
    const result = add('--no-such-option', 'x.txt');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--help/);
  });
});
