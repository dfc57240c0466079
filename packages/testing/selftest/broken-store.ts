import { setImmediate as tick } from 'node:timers/promises';
import { memoryStore, type Store } from '@loket/core';

/** Mistakes the store suite must catch; `none` is the memory store as it is. */
export const STORE_DEFECTS = [
  'none',
  'ack-ignores-token',
  'dead-letter-as-text',
  'release-ignores-token',
  'status-always-advances',
  'log-from-zero',
  'lock-release-ignores-token',
  'inbound-moves-back',
  'racy-claim',
] as const;
/** One of {@link STORE_DEFECTS}. */
export type StoreDefect = (typeof STORE_DEFECTS)[number];

const lossy = (bytes: Uint8Array): Uint8Array => new TextEncoder().encode(new TextDecoder().decode(bytes));

/** The memory store with one defect wired in. */
export function brokenStore(defect: StoreDefect): Store {
  const store = memoryStore();
  const leaseTokens = new Map<string, string>();
  const claimTokens = new Map<string, string>();
  const lockTokens = new Map<string, string>();
  const lastInbound = new Map<string, number>();
  const claimed = new Set<string>();
  const { inbox, dedupe, locks, messages, log, conversations } = store;
  const shift = defect === 'log-from-zero' ? 1 : 0;
  const tokenFor = (map: Map<string, string>, key: string, given: string) => map.get(key) ?? given;
  return {
    ...store,
    inbox: {
      ...inbox,
      lease: async (o) => {
        const items = await inbox.lease(o);
        for (const i of items) leaseTokens.set(i.id, i.token);
        return items;
      },
      ack: (id, token) => inbox.ack(id, defect === 'ack-ignores-token' ? tokenFor(leaseTokens, id, token) : token),
      deadLetters: async (o) => {
        const dead = await inbox.deadLetters(o);
        if (defect !== 'dead-letter-as-text') return dead;
        return dead.map((d) => ({ ...d, request: { ...d.request, body: lossy(d.request.body) } }));
      },
    },
    dedupe: {
      ...dedupe,
      claim: async (key, ttl) => {
        if (defect === 'racy-claim') {
          if (claimed.has(key)) return null;
          await tick();
          claimed.add(key);
          return `racy-${Math.random()}`;
        }
        const token = await dedupe.claim(key, ttl);
        if (token) claimTokens.set(key, token);
        return token;
      },
      release: (key, token) =>
        dedupe.release(key, defect === 'release-ignores-token' ? tokenFor(claimTokens, key, token) : token),
    },
    messages: {
      ...messages,
      advanceStatus: async (id, status, ttl) =>
        (await messages.advanceStatus(id, status, ttl)) || defect === 'status-always-advances',
    },
    log: {
      ...log,
      append: async (ref, entry) => {
        const result = await log.append(ref, entry);
        return { ...result, entry: { ...result.entry, seq: result.entry.seq - shift } };
      },
      read: async (ref, o) => (await log.read(ref, o)).map((e) => ({ ...e, seq: e.seq - shift })),
    },
    locks: {
      ...locks,
      acquire: async (key, ttl) => {
        const token = await locks.acquire(key, ttl);
        if (token) lockTokens.set(key, token);
        return token;
      },
      release: (key, token) =>
        locks.release(key, defect === 'lock-release-ignores-token' ? tokenFor(lockTokens, key, token) : token),
    },
    conversations: {
      ...conversations,
      recordInbound: async (ref, at) => {
        lastInbound.set(JSON.stringify(ref), at);
        await conversations.recordInbound(ref, at);
      },
      get: async (ref) => {
        const state = await conversations.get(ref);
        const last = lastInbound.get(JSON.stringify(ref));
        return state && defect === 'inbound-moves-back' && last !== undefined
          ? { ...state, lastInboundAt: last }
          : state;
      },
    },
  };
}
