import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

const equal = { baseMs: 500, maxMs: 60_000, jitter: 'equal' } as const;
const full = { baseMs: 500, maxMs: 60_000, jitter: 'full' } as const;

describe('backoffDelay', () => {
  it('doubles per attempt, with equal jitter between half and all of it', () => {
    expect(backoffDelay({ ...equal, attempt: 1 }, () => 0)).toBe(250);
    expect(backoffDelay({ ...equal, attempt: 1 }, () => 0.999_999)).toBe(500);
    expect(backoffDelay({ ...equal, attempt: 2 }, () => 0)).toBe(500);
    expect(backoffDelay({ ...equal, attempt: 3 }, () => 0.5)).toBe(1_500);
  });

  it('with full jitter waits between nothing and all of it', () => {
    expect(backoffDelay({ ...full, attempt: 1 }, () => 0)).toBe(0);
    expect(backoffDelay({ ...full, attempt: 1 }, () => 0.5)).toBe(250);
    expect(backoffDelay({ ...full, attempt: 2 }, () => 0.5)).toBe(500);
    expect(backoffDelay({ ...full, attempt: 3 }, () => 0.999_999)).toBe(2_000);
  });

  it('without jitter waits exactly the exponential delay', () => {
    expect(backoffDelay({ ...full, jitter: 'none', attempt: 1 }, () => 0)).toBe(500);
    expect(backoffDelay({ ...full, jitter: 'none', attempt: 4 }, () => 0)).toBe(4_000);
  });

  it('never goes past maxMs', () => {
    expect(backoffDelay({ ...equal, attempt: 30 }, () => 0.999_999)).toBe(60_000);
    expect(backoffDelay({ ...equal, attempt: 30 }, () => 0)).toBe(30_000);
    expect(backoffDelay({ ...full, attempt: 30 }, () => 0.999_999)).toBe(60_000);
  });
});
