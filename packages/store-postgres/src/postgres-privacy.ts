import {
  conversationKey,
  type EraseCounts,
  type Logger,
  type OutboxJobRecord,
  type PersonTarget,
  type PrivacyStore,
  personMatch,
} from '@loket/core';
import type { Db, Queryable } from './postgres-db.js';
import { deadLetterOf, type InboxRow, inboxEntryOf } from './postgres-inbox.js';
import type { TableNames } from './postgres-names.js';
import { type OutboxRow, outboxRecordOf } from './postgres-outbox.js';
import { inTransaction } from './postgres-transaction.js';

/** SQL true when `column` (text, or bytea with `bytes`) contains one of the needles in $1. */
const mentions = (column: string, bytes = false) =>
  `EXISTS (SELECT 1 FROM unnest($1::text[]) n WHERE position(${bytes ? "convert_to(n, 'UTF8')" : 'n'} in ${column}) > 0)`;

/**
 * Export and erasure of a person in `postgresStore`. SQL narrows the rows with `position()` over the needles;
 * core's `personMatch` then decides, exactly as in the other stores. An erasure deletes everything in one
 * transaction, then (by default) VACUUM FULL on every table of the store: a plain VACUUM frees the row
 * versions but leaves their bytes in the pages' free space and in index pages, a rewrite leaves none (see the
 * README for what stays in WAL and backups).
 */
export function postgresPrivacy(
  pool: Db,
  t: TableNames,
  options: { vacuum: 'full' | 'plain' | 'none'; logger: Logger },
): PrivacyStore {
  type Client = Queryable;
  const inboxRows = async (db: Client, target: PersonTarget) => {
    const m = personMatch(target);
    const { rows } = await db.query<InboxRow>(
      `SELECT * FROM ${t.inbox} WHERE ${mentions('url')} OR ${mentions('headers::text')} OR ${mentions('body', true)}`,
      [m.needles],
    );
    return rows.filter((row) => m.request(inboxEntryOf(row).request));
  };
  const outboxRows = async (db: Client, target: PersonTarget) => {
    const m = personMatch(target);
    const { rows } = await db.query<OutboxRow>(
      `SELECT * FROM ${t.outbox} WHERE ${mentions('payload')} OR ${mentions("coalesce(detail, '')")}`,
      [m.needles],
    );
    return rows.map(outboxRecordOf).filter((j: OutboxJobRecord) => m.text(j.payload) || m.text(j.detail));
  };

  return {
    async find(target) {
      const inbox = await inboxRows(pool, target);
      return {
        inbox: inbox.filter((r) => r.state === 'queued').map(inboxEntryOf),
        deadLetters: inbox.filter((r) => r.state === 'dead').map(deadLetterOf),
        outbox: await outboxRows(pool, target),
      };
    },
    async erase(target) {
      const m = personMatch(target);
      const keys = target.refs.map(conversationKey);
      const counts = await inTransaction(pool, async (db): Promise<EraseCounts> => {
        const del = async (sql: string, params: unknown[]) => (await db.query(sql, params)).rowCount ?? 0;
        const inbox = await inboxRows(db, target);
        const jobs = await outboxRows(db, target);
        const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
        const log = await del(`DELETE FROM ${t.log} WHERE conversation = ANY($1)`, [keys]);
        await del(`DELETE FROM ${t.logHeads} WHERE conversation = ANY($1)`, [keys]);
        // Not counted, but named by the person's ids: their rate keys and locks go too.
        await del(`DELETE FROM ${t.rates} WHERE ${mentions('key')}`, [m.needles]);
        await del(`DELETE FROM ${t.locks} WHERE ${mentions('key')}`, [m.needles]);
        return {
          log,
          conversations: await del(`DELETE FROM ${t.conversations} WHERE key = ANY($1)`, [keys]),
          contacts: await del(`DELETE FROM ${t.contacts} WHERE conversation = ANY($2) OR ${mentions('contact_id')}`, [
            m.needles,
            keys,
          ]),
          messages: await del(
            `DELETE FROM ${t.messages} WHERE channel || ':' || account || ':' || "user" = ANY($2) OR ${mentions('id')}`,
            [m.needles, keys],
          ),
          inbox: await del(`DELETE FROM ${t.inbox} WHERE id = ANY($1) AND state = 'queued'`, [ids(inbox)]),
          deadLetters: await del(`DELETE FROM ${t.inbox} WHERE id = ANY($1) AND state = 'dead'`, [ids(inbox)]),
          outbox: await del(`DELETE FROM ${t.outbox} WHERE id = ANY($1)`, [ids(jobs)]),
          dedupe: await del(`DELETE FROM ${t.dedupe} WHERE ${mentions('key')}`, [m.needles]),
          kv: await del(`DELETE FROM ${t.kv} WHERE ${mentions('key')} OR ${mentions('value')}`, [m.needles]),
        };
      });
      // Every table: a row about the person may have been deleted long ago (a released lock, a pruned claim) and
      // still sit in a page's free space; only a rewrite of each table and its indexes clears those bytes.
      const tables = [t.log, t.logHeads, t.conversations, t.contacts, t.messages, t.inbox, t.outbox, t.dedupe].concat([
        t.kv,
        t.locks,
        t.rates,
        t.spill,
      ]);
      if (options.vacuum !== 'none') {
        const vacuum = options.vacuum === 'full' ? 'VACUUM FULL' : 'VACUUM';
        await pool
          .query(`${vacuum} ${tables.join(', ')}`)
          .catch((err: unknown) =>
            options.logger.warn(
              { err },
              `[loket] [store-postgres] ${vacuum} after an erasure failed; the rows are deleted, autovacuum frees them later`,
            ),
          );
      }
      return counts;
    },
  };
}
