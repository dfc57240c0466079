import { LoketError, loketMessage } from '@loket/core';
import type { Database } from 'better-sqlite3';

/**
 * The schema, one entry per version. Append a new entry to change it; never edit a shipped one, because files
 * that already ran it will not run it again.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE inbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    channel TEXT NOT NULL,
    method TEXT NOT NULL,
    url TEXT NOT NULL,
    headers TEXT NOT NULL,
    body BLOB NOT NULL,
    received_at INTEGER NOT NULL,
    state TEXT NOT NULL DEFAULT 'queued',
    attempts INTEGER NOT NULL DEFAULT 0,
    available_at INTEGER NOT NULL DEFAULT 0,
    lease_token TEXT,
    error TEXT,
    failed_at INTEGER,
    failed_events TEXT
  );
  CREATE INDEX inbox_state_id ON inbox (state, id);

  CREATE TABLE dedupe (
    key TEXT PRIMARY KEY,
    token TEXT NOT NULL,
    done INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX dedupe_expires ON dedupe (expires_at);

  CREATE TABLE locks (
    key TEXT PRIMARY KEY,
    token TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE conversations (
    key TEXT PRIMARY KEY,
    channel TEXT NOT NULL,
    account TEXT NOT NULL,
    user TEXT NOT NULL,
    last_inbound_at INTEGER,
    pending_choices TEXT,
    auto_reply_period TEXT
  ) WITHOUT ROWID;

  CREATE TABLE consent (
    conversation TEXT NOT NULL,
    topic TEXT NOT NULL,
    status TEXT NOT NULL,
    source TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (conversation, topic)
  ) WITHOUT ROWID;

  CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    channel TEXT,
    account TEXT,
    user TEXT,
    sent_at INTEGER,
    status TEXT,
    status_rank INTEGER,
    status_expires_at INTEGER,
    touched_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX messages_touched ON messages (touched_at);

  CREATE TABLE log_heads (
    conversation TEXT PRIMARY KEY,
    last_seq INTEGER NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE log (
    conversation TEXT NOT NULL,
    seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    data TEXT,
    PRIMARY KEY (conversation, seq)
  );
  CREATE INDEX log_at ON log (at);
  `,
  `
  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    batch TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    state TEXT NOT NULL DEFAULT 'queued',
    attempts INTEGER NOT NULL DEFAULT 0,
    available_at INTEGER NOT NULL DEFAULT 0,
    lease_token TEXT,
    error TEXT,
    detail TEXT
  );
  CREATE INDEX outbox_state_id ON outbox (state, id);
  CREATE INDEX outbox_batch ON outbox (batch, id);
  `,
  `
  ALTER TABLE log ADD COLUMN key TEXT;
  CREATE UNIQUE INDEX log_key ON log (conversation, key) WHERE key IS NOT NULL;
  ALTER TABLE log_heads ADD COLUMN channel TEXT;
  ALTER TABLE log_heads ADD COLUMN account TEXT;
  ALTER TABLE log_heads ADD COLUMN user TEXT;
  ALTER TABLE log_heads ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;
  UPDATE log_heads SET
    channel = (SELECT channel FROM conversations WHERE conversations.key = log_heads.conversation),
    account = (SELECT account FROM conversations WHERE conversations.key = log_heads.conversation),
    user = (SELECT user FROM conversations WHERE conversations.key = log_heads.conversation),
    updated_at = COALESCE((SELECT MAX(at) FROM log WHERE log.conversation = log_heads.conversation), 0);
  CREATE INDEX log_heads_updated ON log_heads (updated_at, conversation);

  CREATE TABLE contacts (
    conversation TEXT PRIMARY KEY,
    contact TEXT NOT NULL,
    channel TEXT NOT NULL,
    account TEXT NOT NULL,
    user TEXT NOT NULL,
    linked INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX contacts_contact ON contacts (contact, linked);

  CREATE TABLE kv (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    expires_at INTEGER
  ) WITHOUT ROWID;
  CREATE INDEX kv_expires ON kv (expires_at) WHERE expires_at IS NOT NULL;

  CREATE TABLE rates (
    key TEXT PRIMARY KEY,
    tat REAL NOT NULL
  ) WITHOUT ROWID;

  ALTER TABLE conversations ADD COLUMN controller TEXT;
  `,
];

/**
 * Brings the file's schema up to date. Runs under BEGIN IMMEDIATE, so two processes opening a new file at once
 * do not both migrate it; a file from a newer version of this package is refused rather than guessed at.
 */
export function migrate(db: Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const run = db.transaction(() => {
    const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
    const current = row?.version ?? 0;
    if (current > MIGRATIONS.length) {
      throw new LoketError(
        'CONFIG',
        loketMessage(
          'store-sqlite',
          `the database has schema version ${current}, newer than this @loket/store-sqlite knows (${MIGRATIONS.length}): upgrade the package`,
        ),
      );
    }
    for (const sql of MIGRATIONS.slice(current)) db.exec(sql);
    if (row === undefined) db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(MIGRATIONS.length);
    else db.prepare('UPDATE schema_version SET version = ?').run(MIGRATIONS.length);
  });
  run.immediate();
}

/** The schema version this package writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;
