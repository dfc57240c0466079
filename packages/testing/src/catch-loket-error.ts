import { LoketError } from '@loket/core';

/**
 * Runs `subject` (a promise, or a function that may throw or reject) and answers the LoketError it failed with.
 * It throws when `subject` succeeds or fails with anything else, so a test cannot pass by accident.
 *
 * @example
 * const err = await catchLoketError(gateway.send({ to, content }));
 * expect(err.code).toBe('OUTSIDE_WINDOW');
 */
export async function catchLoketError(subject: Promise<unknown> | (() => unknown)): Promise<LoketError> {
  const outcome = await Promise.resolve()
    .then(() => (typeof subject === 'function' ? subject() : subject))
    .then(
      (value: unknown) => ({ value }),
      (error: unknown) => ({ error }),
    );
  if ('value' in outcome) throw new Error('expected a LoketError, but it succeeded');
  if (!LoketError.is(outcome.error)) throw new Error(`expected a LoketError, got ${String(outcome.error)}`);
  return outcome.error;
}
