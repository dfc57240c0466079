import { setTimeout as sleep } from 'node:timers/promises';
import { type ConversationRef, type InboxEntry, LoketError, loketMessage, type Store } from '@loket/core';
import { afterEach, beforeEach, expect } from 'vitest';

/** Options of `describeStoreConformance`. */
export interface StoreConformanceOptions {
  /** Names the suite (`memory`, `sqlite`, `redis`). */
  name: string;
  /** A fresh, empty store; called before every case (a shared server needs a fresh key prefix or database). */
  create: () => Store | Promise<Store>;
  /** Runs after `store.close()` (drop a temp file, flush a Redis prefix). */
  cleanup?: (store: Store) => void | Promise<void>;
  /** The short TTL of the time-based cases (default 100 ms); waits are a few times longer. Raise it for slow stores. */
  ttlMs?: number;
  /**
   * A fresh store that keeps time by `now`, for the TTL and rate cases (which then move the clock instead of
   * waiting). Leave it out for a store that keeps time on its server (Redis): those cases then wait real time.
   */
  createWithClock?: (now: () => number) => Store | Promise<Store>;
  /** Another store on the same data as `store` (the same file, the same Redis prefix): runs the cross-instance cases. */
  twin?: (store: Store) => Store | Promise<Store>;
  /** True when pub/sub reaches the other instances (other processes) on the same data, as on Redis. */
  sharedPubSub?: boolean;
  /**
   * Whether `needle` is anywhere in the store's raw storage (file bytes, every key and value): proves an erasure
   * left no trace. Without it the privacy cases search through every read API only.
   */
  rawContains?: (store: Store, needle: string) => Promise<boolean>;
}

/** What every case gets: the store of the running case and the time helpers. */
export interface StoreCaseContext {
  readonly store: Store;
  /** The suite's options, for the cases that need a clock, a twin or the raw search. */
  readonly options: StoreConformanceOptions;
  readonly ttl: number;
  /** Waits long enough for a `ttl` to run out (never asserted on). */
  expire(): Promise<void>;
}

/** Opens a fresh store before each case of the enclosing describe and closes it after. */
export function useStore(o: StoreConformanceOptions): StoreCaseContext {
  let current: Store | undefined;
  const ttl = o.ttlMs ?? 100;
  beforeEach(async () => {
    current = await o.create();
  });
  afterEach(async () => {
    const store = current;
    current = undefined;
    if (!store) return;
    await store.close();
    await o.cleanup?.(store);
  });
  return {
    get store(): Store {
      if (!current)
        throw new LoketError('CONFIG', loketMessage('testing', 'the store is only there inside a test case'));
      return current;
    },
    options: o,
    ttl,
    expire: () => sleep(ttl * 4),
  };
}

/** A store made for one case (on a clock, or a twin): closed after the case, with the suite's cleanup. */
export async function withExtraStore<T>(
  ctx: StoreCaseContext,
  make: () => Store | Promise<Store>,
  run: (store: Store) => Promise<T>,
  clean = true,
): Promise<T> {
  const store = await make();
  try {
    return await run(store);
  } finally {
    await store.close();
    if (clean) await ctx.options.cleanup?.(store);
  }
}

/** A clock the cases move by hand. */
export function fakeClock(start = 1_700_000_000_000): { now: () => number; advance: (ms: number) => void } {
  let at = start;
  return {
    now: () => at,
    advance: (ms) => {
      at += ms;
    },
  };
}

/** The member of the Store the cases of a sub-store need; a missing one fails the case with its name. */
export function part<K extends keyof Store>(store: Store, key: K): NonNullable<Store[K]> {
  const value = store[key];
  if (value === undefined || value === null) {
    throw new LoketError('CONFIG', loketMessage('testing', `the store has no ${String(key)}: implement it`));
  }
  return value as NonNullable<Store[K]>;
}

/** A conversation used by the cases. */
export const REF: ConversationRef = { channel: 'whatsapp', account: '106540352242922', user: '31612345678' };
/** Another conversation: same ids on another channel, so keys must include the channel. */
export const OTHER_REF: ConversationRef = { channel: 'messenger', account: '106540352242922', user: '31612345678' };

/** Bytes a store must keep exactly: escaped and raw UTF-8, a NUL, and bytes that are not UTF-8 at all. */
export function rawBody(tag = 'a'): Uint8Array {
  const text = new TextEncoder().encode(`{"tag":"${tag}","text":"caf\\u00e9 \u2713"}\n`);
  return Uint8Array.from([...text, 0x00, 0xff, 0xfe, 0xc3]);
}

/** An inbox entry as the gateway enqueues it. */
export function entry(tag = 'a', receivedAt = 1_700_000_000_000): InboxEntry {
  return {
    channel: 'whatsapp',
    request: {
      method: 'POST',
      url: `http://localhost/webhooks/whatsapp?tag=${tag}`,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${'ab'.repeat(32)}` },
      body: rawBody(tag),
    },
    receivedAt,
  };
}

/** Bytes as a plain array, for exact comparison whatever the view type (Buffer, Uint8Array). */
export function bytesOf(body: Uint8Array): number[] {
  expect(body).toBeInstanceOf(Uint8Array);
  return Array.from(body);
}

/** Runs `fn` and ignores a rejection: a stale token may be refused loudly or quietly, the effect is what counts. */
export async function settle(fn: () => Promise<unknown>): Promise<void> {
  await fn().then(
    () => undefined,
    () => undefined,
  );
}
