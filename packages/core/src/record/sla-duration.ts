import type { BusinessHours } from '../hours/business-hours.js';

/** Seconds between two instants (never negative). */
export function calendarSeconds(from: number, to: number): number {
  return Math.max(0, to - from) / 1000;
}

/**
 * Seconds of opening time between two instants: only the open intervals count, so a wait that starts while
 * closed starts counting at the next opening. Never negative.
 */
export function businessSeconds(hours: BusinessHours, from: number, to: number): number {
  let total = 0;
  let t = hours.nextOpen(from);
  while (t !== undefined && t < to) {
    const close = hours.nextClose(t) ?? Number.POSITIVE_INFINITY;
    total += Math.min(close, to) - t;
    if (close >= to) break;
    t = hours.nextOpen(close);
  }
  return total / 1000;
}

/**
 * The instant when `seconds` have passed since `from`, counting only opening time when `hours` is given
 * (undefined when no opening is in sight).
 */
export function deadlineAfter(from: number, seconds: number, hours?: BusinessHours): number | undefined {
  if (!hours) return from + seconds * 1000;
  let left = seconds * 1000;
  let t = hours.nextOpen(from);
  while (t !== undefined) {
    const close = hours.nextClose(t) ?? Number.POSITIVE_INFINITY;
    if (close - t >= left) return t + left;
    left -= close - t;
    t = hours.nextOpen(close);
  }
  return undefined;
}
