import { describe, expect, it } from 'vitest';
import { checkEnvelope } from './envelope.js';

describe('checkEnvelope', () => {
  it('finds no excess in arrivals that keep to the bucket, and measures their rate', () => {
    // A burst of 5, then one every 100 ms: exactly 10/s with bursts of 5.
    const times = [0, 0, 0, 0, 0, ...Array.from({ length: 20 }, (_, i) => 100 * (i + 1))];
    const check = checkEnvelope(times, 10 / 1000, 5, 0);
    expect(check).toMatchObject({ count: 25, excess: 0 });
    expect(check.ratePerSecond).toBeCloseTo(10, 5);
  });

  it('counts the messages beyond the bucket', () => {
    // A burst of 5 allowed, 8 arrive at once: 3 too many.
    expect(checkEnvelope([0, 0, 0, 0, 0, 0, 0, 0], 10 / 1000, 5, 0).excess).toBe(3);
  });

  it('forgives bunching within the clock slack, and no more', () => {
    // One every 100 ms, but the third arrived 30 ms early.
    const times = [0, 100, 170, 300];
    expect(checkEnvelope(times, 10 / 1000, 1, 50).excess).toBe(0);
    expect(checkEnvelope(times, 10 / 1000, 1, 0).excess).toBe(1);
  });
});
