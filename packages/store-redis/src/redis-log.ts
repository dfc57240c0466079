import { type ConversationRef, type EventLogStore, type LogEntry, decodeLogCursor, encodeLogCursor } from '@loket/core';
import { type LogKeys, conversationMember, refOfMember } from './redis-keys.js';
import { APPEND, BY_KEY, HEAD, PAGE, PRUNE, READ, TOUCH } from './redis-log-scripts.js';
import { type RedisScriptClient, runScript } from './redis-script.js';

interface Stored {
  at: number;
  kind: string;
  data?: unknown;
  key?: string;
}

function toEntry(member: string): LogEntry {
  const space = member.indexOf(' ');
  const stored = JSON.parse(member.slice(space + 1)) as Stored;
  const entry: LogEntry = { seq: Number(member.slice(0, space)), at: stored.at, kind: stored.kind, data: stored.data };
  if (stored.key !== undefined) entry.key = stored.key;
  return entry;
}

/**
 * The event log of `redisStore`: per conversation a counter, a sorted set scored by seq and a hash of
 * idempotency keys, all under the conversation's hash tag; an idle log expires `keepMs` after its last append.
 * One index (a sorted set scored by last activity) lists the conversations. It lives in another Cluster slot, so
 * it is raised before the append: a process that dies in between leaves a listing a step ahead, never a log
 * missing from it. `data` is stored as JSON.
 */
export function redisLog(
  client: () => Promise<RedisScriptClient>,
  keysOf: (ref: ConversationRef) => LogKeys,
  index: string,
  keepMs: number,
): EventLogStore {
  const keys = (ref: ConversationRef) => {
    const k = keysOf(ref);
    return [k.seq, k.entries, k.keys];
  };
  const head = async (ref: ConversationRef) => Number(await runScript(await client(), HEAD, keys(ref), []));

  /** Every member of the index, a page at a time. */
  async function* members(): AsyncGenerator<string> {
    let cursor: string | undefined;
    do {
      const page = await listPage({ limit: 500, cursor });
      for (const item of page.members) yield item;
      cursor = page.cursor;
    } while (cursor !== undefined);
  }

  async function listPage(options: { updatedSince?: number; limit?: number; cursor?: string }) {
    const limit = options.limit === undefined ? -1 : Math.max(0, options.limit);
    const from = decodeLogCursor(options.cursor);
    const flat = (await runScript(
      await client(),
      PAGE,
      [index],
      [options.updatedSince ?? Number.MIN_SAFE_INTEGER, from?.at ?? '', from?.key ?? '', limit],
    )) as string[];
    const rows: { member: string; at: number }[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) rows.push({ member: flat[i]!, at: Number(flat[i + 1]) });
    const more = limit >= 0 && rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const last = page.at(-1);
    return {
      rows: page,
      members: page.map((r) => r.member),
      cursor: more && last ? encodeLogCursor({ at: last.at, key: last.member }) : undefined,
    };
  }

  return {
    async append(ref, entry) {
      const stored: Stored = { at: entry.at, kind: entry.kind, data: entry.data };
      if (entry.key !== undefined) stored.key = entry.key;
      const c = await client();
      await runScript(c, TOUCH, [index], [entry.at, conversationMember(ref)]);
      const hasKey = entry.key === undefined ? '0' : '1';
      const args = [JSON.stringify(stored), keepMs, entry.key ?? '', hasKey];
      const [created, member] = (await runScript(c, APPEND, keys(ref), args)) as [number, string];
      return { entry: toEntry(member), created: Number(created) === 1 };
    },
    async read(ref, options = {}) {
      const limit = options.limit === undefined ? -1 : Math.max(0, options.limit);
      if (limit === 0) return [];
      const newest = options.before !== undefined && options.after === undefined;
      const args = [Math.max(0, options.after ?? 0), options.before ?? '+inf', limit, newest ? '1' : '0'];
      const found = (await runScript(await client(), READ, keys(ref), args)) as string[];
      const entries = found.map(toEntry);
      return newest ? entries.reverse() : entries;
    },
    head,
    async byKey(ref, key) {
      const member = (await runScript(await client(), BY_KEY, keys(ref), [key])) as string | null;
      return typeof member === 'string' ? toEntry(member) : undefined;
    },
    async conversations(options = {}) {
      const page = await listPage(options);
      const items = await Promise.all(
        page.rows.map(async (r) => {
          const ref = refOfMember(r.member);
          return { ref, head: await head(ref), updatedAt: r.at };
        }),
      );
      // A conversation raised in the index whose append never ran has no log yet.
      const listed = items.filter((item) => item.head > 0);
      return page.cursor === undefined ? { items: listed } : { items: listed, cursor: page.cursor };
    },
    async prune(olderThan) {
      let removed = 0;
      for await (const member of members()) {
        removed += Number(await runScript(await client(), PRUNE, keys(refOfMember(member)), [olderThan]));
      }
      return removed;
    },
  };
}
