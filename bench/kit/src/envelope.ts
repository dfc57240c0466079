/** How far a stream of arrivals went past a token bucket (`perMs` refill, `burst` capacity). */
export interface EnvelopeCheck {
  count: number;
  /** The most messages that arrived beyond what the bucket allowed at any moment (0 = never over the rate). */
  excess: number;
  /** The long-run rate after the first burst, per second (NaN when everything fit in the burst). */
  ratePerSecond: number;
}

/**
 * Replays arrival times (ms) through the bucket the pacer is configured with. `slackMs` forgives arrivals that
 * bunched up on the way (a request delayed behind the one before it), as a clock error of that much.
 */
export function checkEnvelope(times: number[], perMs: number, burst: number, slackMs: number): EnvelopeCheck {
  const sorted = [...times].sort((a, b) => a - b);
  let tokens = burst + perMs * slackMs;
  let excess = 0;
  let previous = sorted[0] ?? 0;
  for (const at of sorted) {
    tokens = Math.min(burst + perMs * slackMs, tokens + (at - previous) * perMs);
    previous = at;
    tokens -= 1;
    if (tokens < 0) {
      excess = Math.max(excess, -tokens);
    }
  }
  const span = (sorted.at(-1)! - sorted[0]!) / 1000;
  const ratePerSecond = sorted.length > burst && span > 0 ? (sorted.length - burst) / span : Number.NaN;
  return { count: sorted.length, excess: Math.max(0, Math.ceil(excess - 1e-9)), ratePerSecond };
}
