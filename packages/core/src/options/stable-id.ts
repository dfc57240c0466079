import { createHash } from 'node:crypto';

/**
 * A composite event id from the parts that identify an event on its platform. Missing parts stay as empty
 * segments, so positions never shift.
 *
 * @example
 * eventId('typing', account, sender, 1739321024000); // 'typing:3805104374:2244994945:1739321024000'
 */
export function eventId(...parts: Array<string | number | undefined>): string {
  return parts.map((p) => (p === undefined ? '' : String(p))).join(':');
}

/**
 * 32 hex digits of SHA-256 over a JSON value with its object keys sorted: the id of a platform fragment that
 * carries none of its own, equal for equal values whatever their key order.
 *
 * @example
 * eventId('unsupported', account, fragmentHash(item));
 */
export function fragmentHash(value: unknown): string {
  return createHash('sha256').update(sortedJson(value)).digest('hex').slice(0, 32);
}

function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => sortedJson(v === undefined ? null : v)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${sortedJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
