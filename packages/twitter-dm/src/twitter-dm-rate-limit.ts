/** The reset headers X sends: the 15-minute window, and the 24-hour user and app caps [S]. */
const WINDOWS = [
  ['x-rate-limit-remaining', 'x-rate-limit-reset'],
  ['x-user-limit-24hour-remaining', 'x-user-limit-24hour-reset'],
  ['x-app-limit-24hour-remaining', 'x-app-limit-24hour-reset'],
] as const;

/**
 * How long X asked us to wait, in ms, from its rate-limit headers (resets are unix seconds): the latest reset of
 * every window that is used up, else the 15-minute reset. Undefined when X sent none.
 *
 * @example
 * xRetryAfterMs(res.headers, Date.now()); // 429 with x-rate-limit-reset: 1739321924 → ms until then
 */
export function xRetryAfterMs(headers: Headers, now: number): number | undefined {
  const resets: number[] = [];
  let fallback: number | undefined;
  for (const [remaining, reset] of WINDOWS) {
    const at = Number(headers.get(reset));
    if (!headers.get(reset) || !Number.isFinite(at)) continue;
    const wait = Math.max(0, at * 1000 - now);
    if (headers.get(remaining) === '0') resets.push(wait);
    fallback ??= wait;
  }
  return resets.length > 0 ? Math.max(...resets) : fallback;
}
