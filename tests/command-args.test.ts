/**
 * Every command reads its arguments one way (src/core/command-args.ts): a mistyped option or a
 * stray argument is told in a line naming the command, then its usage, exit 2, never a stack
 * trace; `--help` and `-h` print the usage (add's longer help) on stdout, exit 0.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readCommandArgs } from '../src/core/command-args.ts';
import { PROJECT_ROOT } from '../src/core/paths.ts';
// @ts-expect-error: plain JavaScript, no declarations
import { COMMANDS } from '../bin/arshif.mjs';

function launch(args: string[]) {
  return spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'arshif.mjs'), ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120_000 });
}

/** Runs `fn` with console.log and console.error captured. */
function captured<T>(fn: () => T): { result: T; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const { log, error } = console;
  console.log = (...a: unknown[]) => void out.push(a.join(' '));
  console.error = (...a: unknown[]) => void err.push(a.join(' '));
  try {
    return { result: fn(), out: out.join('\n'), err: err.join('\n') };
  } finally {
    console.log = log;
    console.error = error;
  }
}

const spec = { name: 'demo', usage: 'usage: demo [--flag] [--value V]', options: { flag: { type: 'boolean' }, value: { type: 'string' } } } as const;

describe('readCommandArgs', () => {
  it('gives the values of a correct call', () => {
    const { result, out, err } = captured(() => readCommandArgs(spec, ['--flag', '--value', 'x']));
    assert.ok(!('exit' in result));
    assert.equal(result.values.flag, true);
    assert.equal(result.values.value, 'x');
    assert.equal(out + err, '');
  });

  for (const flag of ['--help', '-h']) {
    it(`prints the usage on stdout for ${flag}, exit 0`, () => {
      const { result, out, err } = captured(() => readCommandArgs(spec, [flag]));
      assert.deepEqual(result, { exit: 0 });
      assert.equal(out, spec.usage);
      assert.equal(err, '');
    });
  }

  it('prints a longer help where the command has one', () => {
    const { out } = captured(() => readCommandArgs({ ...spec, help: 'the whole help' }, ['--help']));
    assert.equal(out, 'the whole help');
  });

  it('names the command and gives the usage for an unknown option, exit 2', () => {
    const { result, out, err } = captured(() => readCommandArgs(spec, ['--flga']));
    assert.deepEqual(result, { exit: 2 });
    assert.equal(out, '');
    assert.match(err, /^demo: Unknown option '--flga'\n/u);
    assert.ok(err.endsWith(`\n${spec.usage}`), err);
    assert.doesNotMatch(err, /positional argument/u);
  });

  it('tells a missing value', () => {
    const { result, err } = captured(() => readCommandArgs(spec, ['--value']));
    assert.deepEqual(result, { exit: 2 });
    assert.match(err, /^demo: .*--value/u);
  });

  it('refuses a stray argument where the command takes none, and gives positionals where it does', () => {
    const refused = captured(() => readCommandArgs(spec, ['stray']));
    assert.deepEqual(refused.result, { exit: 2 });
    assert.match(refused.err, /^demo: unexpected argument "stray"/u);
    const taken = captured(() => readCommandArgs({ ...spec, positionals: true }, ['a.txt', '--flag', 'b.txt']));
    assert.ok(!('exit' in taken.result));
    assert.deepEqual(taken.result.positionals, ['a.txt', 'b.txt']);
  });
});

describe('every command', () => {
  for (const command of COMMANDS as string[]) {
    it(`${command}: an unknown option is one line and the usage, exit 2; --help exit 0`, () => {
      const wrong = launch([command, '--no-such-option']);
      assert.equal(wrong.status, 2, wrong.stderr);
      assert.match(wrong.stderr, /Unknown option '--no-such-option'/u);
      assert.match(wrong.stderr, /usage: (?:npm run |npm start)/u);
      assert.doesNotMatch(wrong.stderr, /^\s+at /mu, 'no stack trace');
      const help = launch([command, '--help']);
      assert.equal(help.status, 0, help.stderr);
      assert.match(help.stdout, /usage: (?:npm run |npm start)/u);
    });
  }
});
