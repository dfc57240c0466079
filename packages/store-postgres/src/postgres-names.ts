/** The tables and the NOTIFY channel of one store, each a quoted, schema-qualified SQL name. */
export interface TableNames {
  schema: string;
  /** The bare prefix (no quotes), as given in `tablePrefix`. */
  prefix: string;
  version: string;
  inbox: string;
  outbox: string;
  dedupe: string;
  locks: string;
  conversations: string;
  messages: string;
  logHeads: string;
  log: string;
  contacts: string;
  kv: string;
  rates: string;
  spill: string;
  /** The LISTEN / NOTIFY channel: one per schema and prefix, so two deployments on one database stay apart. */
  channel: string;
}

const TABLES = {
  version: 'schema_version',
  inbox: 'inbox',
  outbox: 'outbox',
  dedupe: 'dedupe',
  locks: 'locks',
  conversations: 'conversations',
  messages: 'messages',
  logHeads: 'log_heads',
  log: 'log',
  contacts: 'contacts',
  kv: 'kv',
  rates: 'rates',
  spill: 'pubsub_spill',
} as const;

/** A lower-case SQL identifier, quoted (the options already allow only `[a-z_][a-z0-9_]*`). */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Every name the store's SQL uses, under `schema` with `prefix` in front of each table. */
export function tableNames(schema: string, prefix: string): TableNames {
  const q = (table: string) => `${quoteIdent(schema)}.${quoteIdent(prefix + table)}`;
  const entries = Object.entries(TABLES).map(([key, table]) => [key, q(table)]);
  return {
    ...(Object.fromEntries(entries) as Omit<TableNames, 'schema' | 'prefix' | 'channel'>),
    schema: quoteIdent(schema),
    prefix,
    channel: `${schema}.${prefix}loket`.slice(0, 63),
  };
}

/**
 * The server's clock in ms since the epoch. Leases, claims, locks and TTLs use the database's clock, so the
 * gateway processes' clocks never have to agree (`clock_timestamp()`, not `now()`: inside a transaction `now()`
 * stays at its start).
 */
export const NOW_MS = '(extract(epoch from clock_timestamp()) * 1000)::bigint';
