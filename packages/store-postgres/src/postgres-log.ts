import {
  type ChannelId,
  type EventLogStore,
  type LogEntry,
  conversationKey,
  decodeLogCursor,
  encodeLogCursor,
} from '@loket/core';
import type { Db, Queryable } from './postgres-db.js';
import type { TableNames } from './postgres-names.js';

interface Row {
  seq: string;
  at: string;
  kind: string;
  data: unknown;
  key: string | null;
}

function entryOf(row: Row): LogEntry {
  const entry: LogEntry = { seq: Number(row.seq), at: Number(row.at), kind: row.kind, data: row.data ?? undefined };
  if (row.key !== null) entry.key = row.key;
  return entry;
}

const COLUMNS = 'seq, at, kind, data, key';
const UNIQUE_VIOLATION = '23505';

/**
 * The event log of `postgresStore`. Each conversation's head lives in `log_heads`; an append (one statement) bumps
 * it, and that row lock orders concurrent appends to one conversation (in any process): seqs are consecutive. A
 * retried `clientMessageId` finds the entry its twin stored; when the twin committed during the statement, the
 * unique index refuses the second insert, the whole statement (bump included) rolls back, and the stored entry is
 * answered: no gap. Pruning deletes entries and never lowers a head. `data` is `jsonb`.
 */
export function postgresLog(pool: Db, t: TableNames): EventLogStore {
  const byKey = async (client: Queryable, key: string, idem: string) => {
    const { rows } = await client.query<Row>(`SELECT ${COLUMNS} FROM ${t.log} WHERE conversation = $1 AND key = $2`, [
      key,
      idem,
    ]);
    return rows[0] && entryOf(rows[0]);
  };

  // One round trip: the known entry for the key, else bump the head (its row lock orders concurrent appends) and
  // insert at the new head. A statement that fails rolls its bump back, so seqs stay gap-free.
  const appendSql = `WITH known AS (
      SELECT ${COLUMNS} FROM ${t.log} WHERE conversation = $1 AND $6::text IS NOT NULL AND key = $6::text
    ), bumped AS (
      INSERT INTO ${t.logHeads} (conversation, channel, account, "user", head, updated_at)
        SELECT $1, $2, $3, $4, 1, $5::bigint WHERE NOT EXISTS (SELECT 1 FROM known)
      ON CONFLICT (conversation) DO UPDATE SET head = ${t.logHeads}.head + 1,
        updated_at = greatest(${t.logHeads}.updated_at, excluded.updated_at)
      RETURNING head
    ), inserted AS (
      INSERT INTO ${t.log} (conversation, seq, at, kind, data, key)
        SELECT $1, head, $5::bigint, $7, $8::jsonb, $6::text FROM bumped
      RETURNING ${COLUMNS}
    )
    SELECT true AS created, ${COLUMNS} FROM inserted
    UNION ALL SELECT false AS created, ${COLUMNS} FROM known`;

  return {
    async append(ref, input) {
      const key = conversationKey(ref);
      const data = input.data === undefined ? null : JSON.stringify(input.data);
      const params = [key, ref.channel, ref.account, ref.user, input.at, input.key ?? null, input.kind, data];
      try {
        const { rows } = await pool.query<Row & { created: boolean }>(appendSql, params);
        const row = rows[0];
        if (!row) throw new Error(`log append for ${key} answered no row`);
        return { entry: entryOf(row), created: row.created };
      } catch (err) {
        // A twin with the same key committed after this statement's snapshot: its bump was rolled back with it.
        if (input.key === undefined || (err as { code?: string }).code !== UNIQUE_VIOLATION) throw err;
        const known = await byKey(pool, key, input.key);
        if (!known) throw err;
        return { entry: known, created: false };
      }
    },
    async read(ref, options = {}) {
      const limit = options.limit === undefined ? null : Math.max(0, options.limit);
      if (limit === 0) return [];
      const key = conversationKey(ref);
      const newest = options.before !== undefined && options.after === undefined;
      const { rows } = await pool.query<Row>(
        `SELECT ${COLUMNS} FROM ${t.log} WHERE conversation = $1 AND seq > $2 AND seq < $3
         ORDER BY seq ${newest ? 'DESC' : 'ASC'} LIMIT $4`,
        [key, options.after ?? 0, options.before ?? Number.MAX_SAFE_INTEGER, limit],
      );
      const entries = rows.map(entryOf);
      return newest ? entries.reverse() : entries;
    },
    async head(ref) {
      const { rows } = await pool.query<{ head: string }>(`SELECT head FROM ${t.logHeads} WHERE conversation = $1`, [
        conversationKey(ref),
      ]);
      return Number(rows[0]?.head ?? 0);
    },
    byKey: (ref, idem) => byKey(pool, conversationKey(ref), idem),
    async conversations(options = {}) {
      const after = decodeLogCursor(options.cursor);
      const limit = options.limit === undefined ? null : Math.max(0, options.limit);
      const { rows } = await pool.query<{
        conversation: string;
        channel: string;
        account: string;
        user: string;
        head: string;
        updated_at: string;
      }>(
        `SELECT conversation, channel, account, "user", head, updated_at FROM ${t.logHeads}
         WHERE head > 0 AND updated_at >= $1 AND ($2::bigint IS NULL OR (updated_at, conversation) > ($2, $3))
         ORDER BY updated_at, conversation LIMIT $4`,
        [
          options.updatedSince ?? Number.MIN_SAFE_INTEGER,
          after?.at ?? null,
          after?.key ?? '',
          limit === null ? null : limit + 1,
        ],
      );
      const page = limit === null ? rows : rows.slice(0, limit);
      const items = page.map((r) => ({
        ref: { channel: r.channel as ChannelId, account: r.account, user: r.user },
        head: Number(r.head),
        updatedAt: Number(r.updated_at),
      }));
      const last = page.at(-1);
      return limit !== null && rows.length > limit && last
        ? { items, cursor: encodeLogCursor({ at: Number(last.updated_at), key: last.conversation }) }
        : { items };
    },
    async prune(olderThan) {
      const r = await pool.query(`DELETE FROM ${t.log} WHERE at < $1`, [Math.floor(olderThan)]);
      return r.rowCount ?? 0;
    },
  };
}
