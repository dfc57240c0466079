import { type EraseCounts, type PersonTarget, type PrivacyStore, conversationKey, personMatch } from '@loket/core';
import type { Database } from 'better-sqlite3';
import { type InboxRow, toDeadLetter, toEntry } from './sqlite-inbox.js';
import { type OutboxRow, toRecord } from './sqlite-outbox.js';

/** A WHERE fragment true when any column holds any needle, and its parameters. */
function mentions(columns: string[], needles: readonly string[]): { sql: string; params: (string | Buffer)[] } {
  const parts: string[] = [];
  const params: (string | Buffer)[] = [];
  for (const column of columns) {
    for (const needle of needles) {
      parts.push(`instr(${column}, ?) > 0`);
      // The body is a BLOB: search it byte for byte.
      params.push(column === 'body' ? Buffer.from(needle) : needle);
    }
  }
  return { sql: parts.length === 0 ? '0' : `(${parts.join(' OR ')})`, params };
}

/** `IN (?, ?, …)` for the keys (never empty: SQLite refuses `IN ()`). */
function within(keys: string[]): string {
  return keys.length === 0 ? "IN ('')" : `IN (${keys.map(() => '?').join(', ')})`;
}

/**
 * Export and erasure on `sqliteStore`. The erasure runs in one transaction; with `secure_delete` on (set when the
 * file is opened) deleted rows are overwritten with zeros, and a `wal_checkpoint(TRUNCATE)` afterwards copies the
 * zeroed pages into the file and empties the WAL, so the erased bytes linger neither in free pages nor in the WAL.
 */
export function sqlitePrivacy(db: Database): PrivacyStore {
  const request = ['url', 'headers', 'body'];
  const job = ['payload', 'detail'];

  const find = (target: PersonTarget) => {
    const m = personMatch(target);
    const inInbox = mentions(request, m.needles);
    const rows = db
      .prepare(`SELECT * FROM inbox WHERE ${inInbox.sql} ORDER BY id`)
      .all(...inInbox.params) as (InboxRow & {
      state: string;
    })[];
    const inOutbox = mentions(job, m.needles);
    const jobs = db.prepare(`SELECT * FROM outbox WHERE ${inOutbox.sql} ORDER BY id`).all(...inOutbox.params);
    return {
      inbox: rows.filter((r) => r.state !== 'dead').map(toEntry),
      deadLetters: rows.filter((r) => r.state === 'dead').map(toDeadLetter),
      outbox: (jobs as OutboxRow[]).map(toRecord),
    };
  };

  const erase = db.transaction((target: PersonTarget): EraseCounts => {
    const m = personMatch(target);
    const keys = target.refs.map(conversationKey);
    const run = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params).changes;
    const by = (columns: string[]) => mentions(columns, m.needles);
    const inbox = by(request);
    const contact = by(['contact']);
    const id = by(['id']);
    const key = by(['key']);
    const kv = by(['key', 'value']);
    const outbox = by(job);

    const counts: EraseCounts = {
      log: run(`DELETE FROM log WHERE conversation ${within(keys)}`, ...keys),
      conversations: run(`DELETE FROM conversations WHERE key ${within(keys)}`, ...keys),
      contacts: run(
        `DELETE FROM contacts WHERE conversation ${within(keys)} OR ${contact.sql}`,
        ...keys,
        ...contact.params,
      ),
      messages: run(
        `DELETE FROM messages WHERE (channel || ':' || account || ':' || user) ${within(keys)} OR ${id.sql}`,
        ...keys,
        ...id.params,
      ),
      inbox: run(`DELETE FROM inbox WHERE state <> 'dead' AND ${inbox.sql}`, ...inbox.params),
      deadLetters: run(`DELETE FROM inbox WHERE state = 'dead' AND ${inbox.sql}`, ...inbox.params),
      outbox: run(`DELETE FROM outbox WHERE ${outbox.sql}`, ...outbox.params),
      dedupe: run(`DELETE FROM dedupe WHERE ${key.sql}`, ...key.params),
      kv: run(`DELETE FROM kv WHERE ${kv.sql}`, ...kv.params),
    };
    // Not counted, but they name the person too: heads, consent, rate and lock keys.
    run(`DELETE FROM log_heads WHERE conversation ${within(keys)}`, ...keys);
    run(`DELETE FROM consent WHERE conversation ${within(keys)}`, ...keys);
    run(`DELETE FROM rates WHERE ${key.sql}`, ...key.params);
    run(`DELETE FROM locks WHERE ${key.sql}`, ...key.params);
    return counts;
  });

  return {
    async find(target) {
      return find(target);
    },
    async erase(target) {
      const counts = erase.immediate(target);
      db.pragma('wal_checkpoint(TRUNCATE)');
      return counts;
    },
  };
}
