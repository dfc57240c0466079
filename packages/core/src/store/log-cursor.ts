import { LoketError, loketMessage } from '../errors.js';

/** Where a page of `log.conversations()` ends: the last item's `updatedAt` and conversation key. */
export interface LogCursor {
  at: number;
  key: string;
}

/** The opaque cursor a durable store hands out for the next page of `log.conversations()`. */
export function encodeLogCursor(cursor: LogCursor): string {
  return `${cursor.at}:${cursor.key}`;
}

/** Reads a cursor made by {@link encodeLogCursor}; anything else is a `BAD_REQUEST`. */
export function decodeLogCursor(cursor: string | undefined): LogCursor | undefined {
  if (cursor === undefined) return undefined;
  const colon = cursor.indexOf(':');
  const at = Number(cursor.slice(0, colon));
  if (colon <= 0 || !Number.isSafeInteger(at)) {
    throw new LoketError('BAD_REQUEST', loketMessage('store', 'cursor is not one a conversations page handed out'));
  }
  return { at, key: cursor.slice(colon + 1) };
}
