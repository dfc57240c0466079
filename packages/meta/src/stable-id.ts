import { createHash } from 'node:crypto';

/**
 * A composite event id from parts that identify the event on the platform: `stableId(wamid, 'read')` is
 * `wamid.X:read`. Empty and missing parts are kept as empty segments so positions never shift.
 *
 * @example
 * stableId('consent', account, user, 'stop', 1739321024); // 'consent:106540352242922:16505551234:stop:1739321024'
 */
export function stableId(...parts: Array<string | number | undefined>): string {
  return parts.map((p) => (p === undefined ? '' : String(p))).join(':');
}

/**
 * A short, stable hash of a JSON value (object keys sorted first, so key order does not matter): the id of a
 * platform fragment that carries no id of its own. 32 hex digits of SHA-256.
 *
 * @example
 * stableId('error', stableHash(value.errors)); // 'error:5f0c…'
 */
export function stableHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 32);
}

/** JSON with object keys in sorted order, so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
