// A copy of core's `backoffDelay` (packages/core/src/work/backoff.ts, equal jitter, attempts counted from 0) kept on
// purpose: the browser builds alias @loket/core to its errors module only (scripts/browser-alias.mjs), because core's
// index would pull Node's undici into the widget bundle and its size budget.
/** Exponential backoff with jitter: a random wait between half and all of min(cap, base * 2^attempt). */
export function backoffDelay(attempt: number, baseMs = 500, capMs = 30_000, random = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
