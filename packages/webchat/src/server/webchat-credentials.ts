import { createHash, randomBytes } from 'node:crypto';
import type { KeyValueStore } from '@loket/core';
import { z } from 'zod';

/** What a credential stands for. Only its hash is a key in the store. */
export interface CredentialRecord {
  contactId: string;
  verified: boolean;
  /** The organisation's customer id, for verified customers. */
  sub?: string;
  name?: string;
  createdAt: number;
}

const recordSchema = z.object({
  contactId: z.string(),
  verified: z.boolean(),
  sub: z.string().optional(),
  name: z.string().optional(),
  createdAt: z.number(),
});

const PREFIX = 'webchat:credential:';

/** A random opaque value of 256 bits, safe in a header and as a WebSocket subprotocol token. */
export function randomToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** The store key of a secret: its SHA-256, so a leaked store holds no usable credential. */
export function hashOf(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('base64url');
}

/** Mints a credential for the record; answers the credential (shown once, never stored). */
export async function mintCredential(kv: KeyValueStore, record: CredentialRecord): Promise<string> {
  const credential = randomToken('wc1_');
  await kv.set(PREFIX + hashOf(credential), JSON.stringify(record));
  return credential;
}

/** The record behind a credential (undefined when unknown, malformed or revoked), with the hash that names it. */
export async function resolveCredential(
  kv: KeyValueStore,
  credential: string,
): Promise<{ hash: string; record: CredentialRecord } | undefined> {
  if (!/^wc1_[A-Za-z0-9_-]{43}$/.test(credential)) return undefined;
  return resolveHash(kv, hashOf(credential));
}

/** The record stored under a credential's hash. */
export async function resolveHash(
  kv: KeyValueStore,
  hash: string,
): Promise<{ hash: string; record: CredentialRecord } | undefined> {
  const stored = await kv.get(PREFIX + hash);
  if (stored === undefined) return undefined;
  const parsed = recordSchema.safeParse(JSON.parse(stored));
  return parsed.success ? { hash, record: parsed.data } : undefined;
}

/** Revokes a credential by its hash: every later request with it gets 401, open streams end. */
export async function revokeHash(kv: KeyValueStore, hash: string): Promise<void> {
  await kv.delete(PREFIX + hash);
}
