import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryStore, type Store } from '@loket/core';
import { redisStore } from '@loket/store-redis';
import { postgresStore } from '@loket/store-postgres';
import { createTestDatabase, postgresTestUrl } from '@loket/store-postgres/testing';
import { deleteKeys, redisTestUrl, uniquePrefix } from '@loket/store-redis/testing';
import { sqliteStore } from '@loket/store-sqlite';

/** The stores a bench can put a gateway on. */
export const STORE_KINDS = ['memory', 'sqlite', 'redis', 'postgres'] as const;
/** One of {@link STORE_KINDS}. */
export type StoreKind = (typeof STORE_KINDS)[number];

/** Where one round's gateway keeps its state: passed to a server process as JSON. */
export type StoreSpec =
  | { kind: 'memory' }
  | { kind: 'sqlite'; path: string }
  | { kind: 'redis'; url: string; keyPrefix: string }
  | { kind: 'postgres'; url: string };

/** A fresh store for one round (a new SQLite file, a new Redis prefix), and how to remove it afterwards. */
export interface RoundStore {
  spec: StoreSpec;
  cleanup(): Promise<void>;
}

/** True when `kind` names a store this bench can open. */
export function isStoreKind(kind: string): kind is StoreKind {
  return (STORE_KINDS as readonly string[]).includes(kind);
}

/** Whether the services a store kind needs answer here (a local Redis, PostgreSQL); says why not when they do not. */
export async function storeAvailable(kind: StoreKind): Promise<boolean> {
  if (kind === 'redis') return (await redisTestUrl('bench')) !== undefined;
  if (kind === 'postgres') return (await postgresTestUrl('bench')) !== undefined;
  return true;
}

/** A fresh {@link RoundStore} of `kind`. */
export async function roundStore(kind: StoreKind): Promise<RoundStore> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'loket-bench-sqlite-'));
    return {
      spec: { kind, path: join(dir, 'bench.db') },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  if (kind === 'redis') {
    const url = (await redisTestUrl('bench')) ?? 'redis://127.0.0.1:6379';
    const keyPrefix = `bench-${uniquePrefix()}`;
    return { spec: { kind, url, keyPrefix }, cleanup: () => deleteKeys(url, keyPrefix) };
  }
  if (kind === 'postgres') {
    // A database of the round's own, dropped afterwards.
    const db = await createTestDatabase((await postgresTestUrl('bench'))!);
    return { spec: { kind, url: db.url }, cleanup: () => db.drop() };
  }
  return { spec: { kind: 'memory' }, cleanup: async () => undefined };
}

/** Opens the store a spec names (in the server process). */
export async function openStore(spec: StoreSpec): Promise<Store> {
  if (spec.kind === 'sqlite') return sqliteStore({ path: spec.path });
  if (spec.kind === 'redis') return redisStore({ url: spec.url, keyPrefix: spec.keyPrefix });
  if (spec.kind === 'postgres') return postgresStore({ connectionString: spec.url });
  return memoryStore();
}
