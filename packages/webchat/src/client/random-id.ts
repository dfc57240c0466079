/** A random id of 128 bits in hex; getRandomValues works on plain http pages too, unlike randomUUID. */
export function randomId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
