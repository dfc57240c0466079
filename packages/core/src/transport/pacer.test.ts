import { describe, expect, it, vi } from 'vitest';
import type { Pacing } from '../model/capabilities.js';
import { createPacer } from './pacer.js';

function fakeTime() {
  let clock = 1_000_000;
  const sleeps: number[] = [];
  return {
    now: () => clock,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      clock += ms;
    },
    advance: (ms: number) => {
      clock += ms;
    },
    sleeps,
  };
}

const key = (recipient: string) => ({ channel: 'whatsapp', account: '100', recipient });
const pairLimit: Pacing = { perRecipient: { intervalMs: 6000 } };

describe('createPacer', () => {
  it('lets the first message to a recipient go at once and spaces the next by intervalMs', async () => {
    const time = fakeTime();
    const pacer = createPacer(time);
    await pacer.acquire(key('a'), pairLimit);
    expect(time.sleeps).toEqual([]);
    await pacer.acquire(key('a'), pairLimit);
    expect(time.sleeps).toEqual([6000]);
  });

  it('does not make one recipient wait for another', async () => {
    const time = fakeTime();
    const pacer = createPacer(time);
    await pacer.acquire(key('a'), pairLimit);
    await pacer.acquire(key('b'), pairLimit);
    await pacer.acquire({ ...key('a'), account: '200' }, pairLimit);
    expect(time.sleeps).toEqual([]);
  });

  it('allows a recipient burst, borrowed from the future', async () => {
    const time = fakeTime();
    const pacer = createPacer(time);
    const pacing: Pacing = { perRecipient: { intervalMs: 2000, burst: 3 } };
    for (let i = 0; i < 4; i++) await pacer.acquire(key('a'), pacing);
    expect(time.sleeps).toEqual([2000]);
  });

  it('holds an account to perSecond with a burst of max(1, perSecond)', async () => {
    const time = fakeTime();
    const pacer = createPacer(time);
    const pacing: Pacing = { perAccount: { perSecond: 2 } };
    for (let i = 0; i < 3; i++) await pacer.acquire(key(`r${i}`), pacing);
    expect(time.sleeps).toEqual([500]);
  });

  it('keeps a burst of one below one message per second', async () => {
    const time = fakeTime();
    const pacer = createPacer(time);
    const pacing: Pacing = { perAccount: { perSecond: 0.5 } };
    await pacer.acquire(key('x'), pacing);
    await pacer.acquire(key('y'), pacing);
    expect(time.sleeps).toEqual([2000]);
  });

  it('never grants two messages to one recipient within intervalMs, even when asked at once', async () => {
    vi.useFakeTimers({ now: 0 });
    try {
      const pacer = createPacer();
      const grants: number[] = [];
      const all = Promise.all(
        [1, 2, 3].map(async () => {
          await pacer.acquire(key('a'), { ...pairLimit, perAccount: { perSecond: 80 } });
          grants.push(Date.now());
        }),
      );
      await vi.advanceTimersByTimeAsync(20_000);
      await all;
      expect(grants).toEqual([0, 6000, 12000]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('drops idle buckets, so memory stays bounded', async () => {
    const time = fakeTime();
    const pacer = createPacer(time);
    const pacing: Pacing = { perAccount: { perSecond: 1000 }, perRecipient: { intervalMs: 6000 } };
    for (let i = 0; i < 500; i++) await pacer.acquire(key(`r${i}`), pacing);
    expect(pacer.size()).toBe(501);
    time.advance(120_000);
    await pacer.acquire(key('late'), pacing);
    expect(pacer.size()).toBe(2);
  });
});
