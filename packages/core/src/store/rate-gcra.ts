/**
 * One step of the generic cell rate algorithm (GCRA) that every store's `rates.take` runs, in memory, in a SQLite
 * transaction or in Lua: `tat` is the key's theoretical arrival time (ms). A unit costs windowMs / count; it is
 * taken when the new tat stays within one window of now, which allows a burst of `count` and then the steady rate.
 * Answers the new tat to store (undefined when nothing was taken) and the ms to wait (0 when taken).
 */
export function gcraStep(
  tat: number | undefined,
  now: number,
  limit: { count: number; windowMs: number },
): { tat?: number; waitMs: number } {
  const cost = limit.windowMs / Math.max(1, limit.count);
  const next = Math.max(tat ?? now, now) + cost;
  const over = next - now - limit.windowMs;
  if (over > 0) return { waitMs: Math.max(1, Math.ceil(over)) };
  return { tat: next, waitMs: 0 };
}
