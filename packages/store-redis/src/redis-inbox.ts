import { randomUUID } from 'node:crypto';
import type { ChannelId, DeadLetter, InboxEntry, InboxStore, LeasedItem } from '@loket/core';
import { ACK, DEAD_LETTER, DEAD_LETTERS, ENQUEUE, EXTEND, LEASE, REPLAY, RETRY, STATS } from './redis-inbox-scripts.js';
import type { InboxKeys } from './redis-keys.js';
import { type LuaScript, type RedisScriptClient, runScript } from './redis-script.js';

interface StoredEntry {
  channel: ChannelId;
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The raw body in base64: node-redis answers strings, and the bytes must come back exactly, UTF-8 or not. */
  body: string;
  receivedAt: number;
}

function encode(entry: InboxEntry): string {
  const { method, url, headers, body } = entry.request;
  const stored: StoredEntry = {
    channel: entry.channel,
    method,
    url,
    headers,
    body: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('base64'),
    receivedAt: entry.receivedAt,
  };
  return JSON.stringify(stored);
}

/** The entry an item's stored JSON holds. */
export function decodeEntry(json: string): InboxEntry {
  const s = JSON.parse(json) as StoredEntry;
  const body = new Uint8Array(Buffer.from(s.body, 'base64'));
  return {
    channel: s.channel,
    request: { method: s.method, url: s.url, headers: s.headers, body },
    receivedAt: s.receivedAt,
  };
}

/** Splits a flat script reply into rows of `width`. */
export function rows(reply: unknown, width: number): unknown[][] {
  const flat = reply as unknown[];
  const out: unknown[][] = [];
  for (let i = 0; i < flat.length; i += width) out.push(flat.slice(i, i + width));
  return out;
}

/** The KEYS every queue script takes, in order (see redis-inbox-scripts.ts). */
export function queueKeyList(keys: InboxKeys): string[] {
  return [
    keys.seq,
    keys.pending,
    keys.delayed,
    keys.leased,
    keys.dead,
    keys.deadOrder,
    keys.items,
    keys.tokens,
    keys.attempts,
    keys.failures,
  ];
}

/**
 * The inbox of `redisStore`, shared by every gateway process on the server. Each operation is one Lua script, so
 * it is atomic: a due item goes to exactly one leaser, and a token works only while its lease runs (a worker
 * whose lease ran out cannot ack, retry or bury an item that another worker now holds).
 */
export function redisInbox(client: () => Promise<RedisScriptClient>, keys: InboxKeys): InboxStore {
  const list = queueKeyList(keys);
  const run = async (script: LuaScript, ...args: (string | number)[]) => runScript(await client(), script, list, args);

  return {
    async enqueue(entry) {
      return String(await run(ENQUEUE, encode(entry)));
    },
    async lease({ limit, leaseMs }) {
      if (limit <= 0) return [];
      const tokens = Array.from({ length: limit }, () => randomUUID());
      return rows(await run(LEASE, limit, leaseMs, ...tokens), 4).map(
        ([id, token, attempts, json]): LeasedItem => ({
          ...decodeEntry(String(json)),
          id: String(id),
          token: String(token),
          attempts: Number(attempts),
        }),
      );
    },
    async extend(id, token, leaseMs) {
      return Number(await run(EXTEND, id, token, leaseMs)) === 1;
    },
    async ack(id, token) {
      await run(ACK, id, token);
    },
    async retry(id, token, { delayMs }) {
      await run(RETRY, id, token, Math.max(0, delayMs));
    },
    async deadLetter(id, token, { error, failedEvents }) {
      await run(DEAD_LETTER, id, token, JSON.stringify({ error, failedEvents }));
    },
    async deadLetters(options = {}) {
      if (options.limit !== undefined && options.limit <= 0) return [];
      const end = options.limit === undefined ? -1 : options.limit - 1;
      return rows(await run(DEAD_LETTERS, end), 4).map(([id, json, attempts, failure]): DeadLetter => {
        const text = String(failure);
        const space = text.indexOf(' ');
        const { error, failedEvents } = JSON.parse(text.slice(space + 1)) as { error: string; failedEvents: string[] };
        return {
          ...decodeEntry(String(json)),
          id: String(id),
          attempts: Number(attempts),
          error,
          failedAt: Number(text.slice(0, space)),
          failedEvents,
        };
      });
    },
    async replay(id) {
      return Number(await run(REPLAY, id)) === 1;
    },
    async stats() {
      const [pending, leased, dead] = (await run(STATS)) as number[];
      return { pending: Number(pending), leased: Number(leased), dead: Number(dead) };
    },
  };
}
