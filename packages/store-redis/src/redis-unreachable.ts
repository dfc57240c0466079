import { LoketError, loketMessage } from '@loket/core';
import type { RedisScriptClient } from './redis-script.js';

/** The URL with its password replaced by `***` (`redis://:***@127.0.0.1:6379`): for messages and logs. */
export function redactRedisUrl(url: string | undefined): string {
  if (url === undefined) return 'the node-redis client you passed';
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'redis://(unparsable url)';
  }
}

/** What the driver said, without the URL's password should a message ever quote it. */
function reasonOf(err: unknown, url: string | undefined): string {
  const text = (err instanceof Error ? err.message : String(err)).split('\n')[0] || String(err);
  const password = url && URL.canParse(url) ? decodeURIComponent(new URL(url).password) : '';
  return password ? text.split(password).join('***') : text;
}

/**
 * The error for a Redis that does not answer (down, unreachable, or still connecting past the budget): `NETWORK`,
 * retryable, naming the server with its password redacted. Calls fail with it at once while node-redis reconnects.
 */
export function redisUnreachable(url: string | undefined, cause: unknown): LoketError {
  const where = redactRedisUrl(url);
  return new LoketError(
    'NETWORK',
    loketMessage(
      'store-redis',
      `cannot reach Redis at ${where} (${reasonOf(cause, url)}): is it running there? Store calls fail until it answers`,
    ),
    { retryable: true, channel: 'store', details: { redis: where }, cause },
  );
}

/** The error for a call on a store that was closed. */
export function redisClosed(): LoketError {
  return new LoketError('CONFIG', loketMessage('store-redis', 'the store was closed: create a new redisStore()'), {
    channel: 'store',
  });
}

/** node-redis's errors for a connection that broke or is not there (not a reply from the server). */
const CONNECTION_ERRORS = new Set([
  'SocketClosedUnexpectedlyError',
  'ClientOfflineError',
  'ClientClosedError',
  'DisconnectsClientError',
  'ConnectionTimeoutError',
  'SocketTimeoutError',
  'ReconnectStrategyError',
]);

/** Whether `err` says the connection is gone, rather than that Redis answered with an error. */
export function isConnectionError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  // Node's own socket errors (ECONNRESET, EPIPE, ECONNREFUSED, ...) come through as they are.
  const code = (err as { code?: unknown }).code;
  return CONNECTION_ERRORS.has(err.constructor.name) || (typeof code === 'string' && /^E[A-Z]+$/.test(code));
}

/**
 * The client with its connection failures as `NETWORK` errors naming the URL (a command in flight when Redis goes
 * away fails with node-redis's own error); replies from the server (NOSCRIPT, a script's error) pass unchanged.
 */
export function withTypedErrors<C extends RedisScriptClient>(client: C, url: string | undefined): RedisScriptClient {
  const typed = (err: unknown) => Promise.reject(isConnectionError(err) ? redisUnreachable(url, err) : err);
  return {
    evalSha: (sha1, options) => client.evalSha(sha1, options).catch(typed),
    eval: (script, options) => client.eval(script, options).catch(typed),
  };
}
