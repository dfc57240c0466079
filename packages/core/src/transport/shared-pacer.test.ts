import { describe, expect, it } from 'vitest';
import type { Pacing } from '../model/capabilities.js';
import { memoryRates } from '../store/memory-rates.js';
import type { RateStore } from '../store/record-store.js';
import { createSharedPacer } from './shared-pacer.js';

const whatsapp: Pacing = { perAccount: { perSecond: 80 }, perRecipient: { intervalMs: 6000, burst: 45 } };

/** A clock that only moves when someone sleeps: waits are counted, not spent. */
function fakeClock() {
  let at = 1_000_000;
  return {
    now: () => at,
    sleep: async (ms: number) => {
      at += ms;
    },
  };
}

async function sendAll(pacers: ReturnType<typeof createSharedPacer>[], total: number, recipients: number) {
  for (let i = 0; i < total; i++) {
    const pacer = pacers[i % pacers.length]!;
    await pacer.acquire({ channel: 'whatsapp', account: 'phone-1', recipient: `r${i % recipients}` }, whatsapp);
  }
}

describe('createSharedPacer', () => {
  it('keeps two gateways on one store under one account limit together, not each', async () => {
    const clock = fakeClock();
    const shared = memoryRates(clock.now);
    const a = createSharedPacer({ rates: shared, ...clock });
    const b = createSharedPacer({ rates: shared, ...clock });
    const start = clock.now();
    await sendAll([a, b], 400, 400);
    // 80 go at once (the burst), the other 320 at 80/s: 4 s, whichever gateway sends them.
    expect(clock.now() - start).toBe(4000);
  });

  it('would let each gateway send 80/s if the limit were not shared (the contrast)', async () => {
    const clock = fakeClock();
    const a = createSharedPacer({ rates: memoryRates(clock.now), ...clock });
    const b = createSharedPacer({ rates: memoryRates(clock.now), ...clock });
    const start = clock.now();
    await sendAll([a, b], 400, 400);
    expect(clock.now() - start).toBe(1500);
  });

  it('spaces one recipient by the pair limit across gateways, after its burst', async () => {
    const clock = fakeClock();
    const shared = memoryRates(clock.now);
    const waits: string[] = [];
    const onWait = (_ms: number, kind: string) => waits.push(kind);
    const a = createSharedPacer({ rates: shared, onWait, ...clock });
    const b = createSharedPacer({ rates: shared, onWait, ...clock });
    const start = clock.now();
    await sendAll([a, b], 47, 1);
    // 45 in a burst, then one every 6 s.
    expect(clock.now() - start).toBe(12_000);
    expect(waits.filter((k) => k === 'recipient').length).toBeGreaterThan(0);
  });

  it('paces by its own buckets when the store fails, and says so', async () => {
    const clock = fakeClock();
    const broken: RateStore = { take: async () => Promise.reject(new Error('ECONNREFUSED')) };
    const lines: string[] = [];
    const logger = { debug() {}, info() {}, error() {}, warn: (_o: unknown, msg?: string) => lines.push(msg ?? '') };
    const pacer = createSharedPacer({ rates: broken, logger, ...clock });
    await sendAll([pacer], 2, 1);
    expect(lines[0]).toMatch(/paced by this process alone/);
  });
});
