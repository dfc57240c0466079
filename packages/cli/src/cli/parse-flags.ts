import { type ParseArgsConfig, parseArgs } from 'node:util';
import { didYouMean } from '@loket/core';
import { usageError } from './usage.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The parsed command line of one command. */
export interface ParsedFlags {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** node:util parseArgs, strict, with its errors turned into a usage error that points at the command's help. */
export function parseFlags(command: string, args: string[], options: Options): ParsedFlags {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as ParsedFlags['values'], positionals };
  } catch (err) {
    throw usageError(command, explain(err, Object.keys(options)));
  }
}

/** `unknown option --form (did you mean --from?)` instead of parseArgs' advice about positionals. */
function explain(err: unknown, names: string[]): string {
  const text = err instanceof Error ? err.message.split('\n')[0]!.replace(/\.$/, '') : String(err);
  if ((err as { code?: unknown }).code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return text;
  const flag = /'(-[^']*)'/.exec(text)?.[1];
  if (flag === undefined) return text;
  const flags = [...names, 'help'].map((name) => `--${name}`);
  return `unknown option ${flag}${didYouMean(flag.split('=')[0]!, flags)}`;
}

/** A string flag's value (undefined when absent). */
export function str(flags: ParsedFlags, name: string): string | undefined {
  const v = flags.values[name];
  return typeof v === 'string' ? v : undefined;
}
