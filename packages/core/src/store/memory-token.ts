/** A fresh, unguessable owner token for leases, claims and locks. */
export function newToken(): string {
  return globalThis.crypto.randomUUID();
}

/** A copy of stored bytes, so that neither the caller nor the store can change the other's copy. */
export function copyBytes(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}
