/**
 * How much of the exponential wait is random, so that many failing workers do not retry in lockstep:
 * `'full'` waits between 0 and all of it, `'equal'` between half and all of it, `'none'` exactly all of it.
 */
export type BackoffJitter = 'full' | 'equal' | 'none';

/** What {@link backoffDelay} computes a wait from. */
export interface BackoffInput {
  /** The try that just failed, from 1. */
  attempt: number;
  /** The wait after the first try, before jitter. */
  baseMs: number;
  /** The longest wait, before jitter. */
  maxMs: number;
  jitter: BackoffJitter;
}

/**
 * The wait before try `attempt + 1`: `baseMs * 2^(attempt-1)`, capped at `maxMs`, then jittered.
 *
 * @example
 * backoffDelay({ attempt: 3, baseMs: 500, maxMs: 60_000, jitter: 'equal' }); // between 1000 and 2000
 */
export function backoffDelay(
  { attempt, baseMs, maxMs, jitter }: BackoffInput,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  switch (jitter) {
    case 'full':
      return Math.round(random() * ceiling);
    case 'equal':
      return Math.round(ceiling / 2 + (ceiling / 2) * random());
    case 'none':
      return Math.round(ceiling);
  }
}
