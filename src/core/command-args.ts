/**
 * How every command reads its arguments: node's parseArgs, strict, with `--help` (`-h`) added to
 * each. A mistake (an unknown option, a missing value, an argument the command takes none of)
 * is told in one line that names the command, then its usage, on stderr, exit 2; never a stack
 * trace. `--help` prints the command's help (its usage, unless it has a longer text) on stdout,
 * exit 0. The caller checks what the values mean (a port, a date) itself.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
type WithHelp<O extends Options> = O & { help: { type: 'boolean'; short: 'h' } };
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: WithHelp<O>; allowPositionals: true; strict: true }>>;

export interface CommandSpec<O extends Options> {
  /** The command's name, as its messages start ("list", "add"). */
  name: string;
  /** One line or two: how it is called. */
  usage: string;
  /** What `--help` prints, when longer than the usage. */
  help?: string;
  options: O;
  /** Whether it takes positional arguments (file names, an id); a stray one is a mistake otherwise. */
  positionals?: boolean;
}

export type CommandArgs<O extends Options> = { values: Parsed<O>['values']; positionals: string[] } | { exit: 0 | 2 };

/** Reads `argv` (the process's arguments by default) for the command; `{ exit }` when it must stop there (help printed, or a mistake told). */
export function readCommandArgs<const O extends Options>(spec: CommandSpec<O>, argv: string[] = process.argv.slice(2)): CommandArgs<O> {
  const options = { ...spec.options, help: { type: 'boolean', short: 'h' } } as WithHelp<O>;
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    // node's advice on positionals that start with "-" only confuses a mistyped option
    const message = (error as Error).message.replace(/\. To specify a positional argument[\s\S]*$/u, '');
    console.error(`${spec.name}: ${message}\n${spec.usage}`);
    return { exit: 2 };
  }
  if ((parsed.values as { help?: boolean }).help === true) {
    console.log(spec.help ?? spec.usage);
    return { exit: 0 };
  }
  if (!spec.positionals && parsed.positionals.length > 0) {
    console.error(`${spec.name}: unexpected argument "${parsed.positionals[0]}" (options start with --)\n${spec.usage}`);
    return { exit: 2 };
  }
  return { values: parsed.values, positionals: parsed.positionals };
}
