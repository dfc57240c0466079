import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTicker } from './webchat-ticker.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('createTicker', () => {
  it('beats every stream on one timer, and holds no timer once the last stream is gone', () => {
    vi.useFakeTimers();
    const ticker = createTicker(1000);
    const beats: string[] = [];
    const stopA = ticker.add(() => beats.push('a'));
    const stopB = ticker.add(() => beats.push('b'));
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(beats).toEqual(['a', 'b']);
    stopA();
    vi.advanceTimersByTime(1000);
    expect(beats).toEqual(['a', 'b', 'b']);
    stopB();
    stopB();
    expect(vi.getTimerCount()).toBe(0);
    ticker.add(() => beats.push('c'));
    vi.advanceTimersByTime(1000);
    expect(beats).toEqual(['a', 'b', 'b', 'c']);
  });
});
