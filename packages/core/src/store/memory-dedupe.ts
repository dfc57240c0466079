import type { DedupeStore } from './store.js';
import { newToken } from './memory-token.js';

interface Claim {
  token: string;
  done: boolean;
  expiresAt: number;
}

/** Expired entries are swept every this many claims, so a long-running dev process does not grow without end. */
const SWEEP_EVERY = 1000;

/**
 * The dedupe claims of {@link memoryStore}. A claim or a completed key blocks new claims until it expires by the
 * injected clock; only the claim's own token completes or releases it.
 */
export function memoryDedupe(now: () => number): DedupeStore & { erase(match: (key: string) => boolean): number } {
  const claims = new Map<string, Claim>();
  let sinceSweep = 0;

  const sweep = (at: number): void => {
    sinceSweep = 0;
    for (const [key, claim] of claims) if (claim.expiresAt <= at) claims.delete(key);
  };

  return {
    async claim(key, ttlMs) {
      const at = now();
      sinceSweep += 1;
      if (sinceSweep >= SWEEP_EVERY) sweep(at);
      const existing = claims.get(key);
      if (existing && existing.expiresAt > at) return null;
      const token = newToken();
      claims.set(key, { token, done: false, expiresAt: at + ttlMs });
      return token;
    },
    async isDone(key) {
      const claim = claims.get(key);
      return claim?.done === true && claim.expiresAt > now();
    },
    async complete(key, token, ttlMs) {
      const claim = claims.get(key);
      if (!claim || claim.token !== token) return;
      claim.done = true;
      claim.expiresAt = now() + ttlMs;
    },
    async release(key, token) {
      const claim = claims.get(key);
      if (claim && claim.token === token && !claim.done) claims.delete(key);
    },
    /** Removes the live claims whose key `match`es (for an erasure); answers how many. */
    erase(match) {
      const at = now();
      let count = 0;
      for (const [key, claim] of claims) {
        if (!match(key)) continue;
        claims.delete(key);
        if (claim.expiresAt > at) count += 1;
      }
      return count;
    },
  };
}
