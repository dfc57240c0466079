import { randomUUID } from 'node:crypto';

/** A fresh, unguessable owner token for leases, claims and locks. */
export function newToken(): string {
  return randomUUID();
}
