import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

const retry = { attempts: 5, baseDelayMs: 500, maxDelayMs: 60_000 };

describe('backoffDelay', () => {
  it('doubles per attempt, with jitter between half and all of it', () => {
    expect(backoffDelay(1, retry, () => 0)).toBe(250);
    expect(backoffDelay(1, retry, () => 0.999_999)).toBe(500);
    expect(backoffDelay(2, retry, () => 0)).toBe(500);
    expect(backoffDelay(3, retry, () => 0.5)).toBe(1_500);
  });

  it('never goes past maxDelayMs', () => {
    expect(backoffDelay(30, retry, () => 0.999_999)).toBe(60_000);
    expect(backoffDelay(30, retry, () => 0)).toBe(30_000);
  });
});
