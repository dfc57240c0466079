import type { ConversationRef, InboxEntry } from '@loket/core';
import pg from 'pg';
import { afterAll } from 'vitest';
import { createTestDatabase, postgresTestUrl, uniqueSchema } from '../testing.js';

/** The test run's own database (dropped after the file), or undefined when no server answers. */
export async function useTestDatabase(): Promise<{ url: string; schema: () => string } | undefined> {
  const server = await postgresTestUrl();
  if (server === undefined) return undefined;
  const db = await createTestDatabase(server);
  afterAll(() => db.drop());
  return { url: db.url, schema: uniqueSchema };
}

/** Runs one statement on `url` outside any store (to inspect tables or cut connections). */
export async function sql<R extends pg.QueryResultRow = pg.QueryResultRow>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** A verified request as the gateway would enqueue it; bytes that are not UTF-8, so a lossy copy shows. */
export function entry(n: number): InboxEntry {
  return {
    channel: 'whatsapp',
    request: {
      method: 'POST',
      url: `/webhooks/whatsapp?n=${n}`,
      headers: { 'x-hub-signature-256': 'sha256=ab' },
      body: Uint8Array.from([n % 256, 0xff, 0x00, 0xc3]),
    },
    receivedAt: 1_700_000_000_000 + n,
  };
}

/** The conversation the race tests append to. */
export const RACE_REF: ConversationRef = { channel: 'webchat', account: 'site', user: 'race' };
