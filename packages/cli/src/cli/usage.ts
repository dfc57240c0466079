import { LoketError, loketMessage } from '@loket/core';

/** A command-line mistake: CONFIG, with the command whose help the user should read. */
export function usageError(command: string, text: string): LoketError {
  return new LoketError('CONFIG', loketMessage('cli', `${text}: see \`loket ${command} --help\``), {
    details: { usage: command },
  });
}

/** A flag value that must be a whole number in a range. */
export function intFlag(command: string, name: string, value: string | undefined, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw usageError(command, `--${name} must be a whole number ≥ ${min}, got "${value}"`);
  return n;
}
