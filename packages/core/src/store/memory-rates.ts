import { gcraStep } from './rate-gcra.js';
import type { RateStore } from './record-store.js';

const SWEEP_EVERY = 1000;

/** The rate limits of {@link memoryStore} (one process only): a theoretical arrival time per key, by the injected clock. */
export function memoryRates(now: () => number): RateStore {
  const tats = new Map<string, number>();
  let sinceSweep = 0;
  return {
    async take(key, limit) {
      const at = now();
      const step = gcraStep(tats.get(key), at, limit);
      if (step.tat !== undefined) tats.set(key, step.tat);
      // A tat in the past carries no debt: forget such keys now and then, so idle keys do not pile up.
      sinceSweep += 1;
      if (sinceSweep >= SWEEP_EVERY) {
        sinceSweep = 0;
        for (const [k, tat] of tats) if (tat <= at) tats.delete(k);
      }
      return step.waitMs;
    },
  };
}
