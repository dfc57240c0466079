import type { RetrySettings } from '../inbox/worker-types.js';

/**
 * The wait before try `attempt + 1`: `baseDelayMs * 2^(attempt-1)`, capped at `maxDelayMs`, with "equal jitter"
 * (between half and all of it) so that many failing workers do not retry in lockstep.
 */
export function backoffDelay(attempt: number, retry: RetrySettings, random: () => number = Math.random): number {
  const exponential = retry.baseDelayMs * 2 ** Math.max(0, attempt - 1);
  const capped = Math.min(retry.maxDelayMs, exponential);
  return Math.round(capped / 2 + (capped / 2) * random());
}
