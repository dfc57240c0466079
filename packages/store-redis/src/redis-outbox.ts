import { randomUUID } from 'node:crypto';
import type { OutboxEntry, OutboxJobRecord, OutboxJobStatus, OutboxStore } from '@loket/core';
import { EXTEND, LEASE, RETRY, STATS } from './redis-inbox-scripts.js';
import { queueKeyList, rows } from './redis-inbox.js';
import type { OutboxKeys } from './redis-keys.js';
import { BATCH, COUNTS, ENQUEUE_MANY, FINISH } from './redis-outbox-scripts.js';
import { type LuaScript, type RedisScriptClient, runScript } from './redis-script.js';

const decode = (json: unknown): OutboxEntry => {
  const { batch, payload, createdAt } = JSON.parse(String(json)) as OutboxEntry;
  return { batch, payload, createdAt };
};

/**
 * The outbox of `redisStore`: the inbox's Lua scripts (lease, extend, retry, stats) on the `{outbox}` keys, plus a
 * multi-job enqueue, `finish` (the outcome is kept) and a per-batch id list for reports. Shared by every process.
 */
export function redisOutbox(client: () => Promise<RedisScriptClient>, keys: OutboxKeys): OutboxStore {
  const list = queueKeyList(keys);
  const run = async (script: LuaScript, extra: string[], ...args: (string | number)[]) =>
    runScript(await client(), script, [...list, ...extra], args);

  return {
    async enqueue(entries) {
      if (entries.length === 0) return [];
      const batches = new Set(entries.map((e) => e.batch));
      const ids: string[] = [];
      // One script per batch, so a batch is stored whole or not at all.
      for (const batch of batches) {
        const mine = entries.filter((e) => e.batch === batch).map((e) => JSON.stringify(e));
        ids.push(...((await run(ENQUEUE_MANY, [keys.batch(batch)], ...mine)) as unknown[]).map(String));
      }
      return ids;
    },
    async lease({ limit, leaseMs }) {
      if (limit <= 0) return [];
      const tokens = Array.from({ length: limit }, () => randomUUID());
      return rows(await run(LEASE, [], limit, leaseMs, ...tokens), 4).map(([id, token, attempts, json]) => ({
        ...decode(json),
        id: String(id),
        token: String(token),
        attempts: Number(attempts),
      }));
    },
    async extend(id, token, leaseMs) {
      return Number(await run(EXTEND, [], id, token, leaseMs)) === 1;
    },
    async retry(id, token, { delayMs }) {
      await run(RETRY, [], id, token, Math.max(0, delayMs));
    },
    async finish(id, token, outcome) {
      return Number(await run(FINISH, [], id, token, JSON.stringify(outcome))) === 1;
    },
    async batch(batch) {
      return rows(await run(BATCH, [keys.batch(batch)]), 4).map(([id, json, attempts, outcome]): OutboxJobRecord => {
        const record: OutboxJobRecord = {
          ...decode(json),
          id: String(id),
          attempts: Number(attempts),
          state: 'queued',
        };
        if (outcome !== '') {
          const { status, detail } = JSON.parse(String(outcome)) as { status: OutboxJobStatus; detail: string };
          record.state = status;
          record.detail = detail;
        }
        return record;
      });
    },
    async counts(batch) {
      const out: Record<'queued' | OutboxJobStatus, number> = {
        queued: 0,
        done: 0,
        failed: 0,
        'skipped-no-consent': 0,
      };
      for (const [state, n] of rows(await run(COUNTS, [keys.batch(batch)]), 2)) {
        out[String(state) as keyof typeof out] = Number(n);
      }
      return out;
    },
    async stats() {
      const [pending, leased, finished] = (await run(STATS, [])) as number[];
      return { pending: Number(pending), leased: Number(leased), finished: Number(finished) };
    },
  };
}
