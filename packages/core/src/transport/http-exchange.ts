import { type Dispatcher, request } from 'undici';
import { LoketError, loketMessage } from '../errors.js';
import { readBody } from '../read-body.js';
import { surelyNotSent } from './retry-policy.js';

/** One HTTP request, fully described. */
export interface Exchange {
  channel: string;
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  timeoutMs: number;
  maxBytes?: number;
  dispatcher?: Dispatcher;
}

/** What came back, body as bytes. */
export interface RawResponse {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
}

/** The URL without its query (a query may carry an access token), for logs and messages. */
export const describeUrl = (url: URL): string => `${url.origin}${url.pathname}`;

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

async function run(exchange: Exchange, signal: AbortSignal): Promise<RawResponse> {
  const res = await request(exchange.url, {
    method: exchange.method as Dispatcher.HttpMethod,
    headers: exchange.headers,
    body: exchange.body ?? null,
    signal,
    // Only an injected dispatcher is passed: the global one is the one nock (and other interceptors) replace.
    ...(exchange.dispatcher ? { dispatcher: exchange.dispatcher } : {}),
  });
  const headers = toHeaders(res.headers);
  const length = headers.get('content-length');
  const { channel, maxBytes } = exchange;
  const url = describeUrl(exchange.url);
  const bytes = await readBody(res.body, {
    maxBytes,
    ...(length === null ? {} : { declaredLength: Number(length) }),
    tooLarge: (seenBytes) =>
      new LoketError('MEDIA_ERROR', loketMessage(channel, `${url} is larger than ${maxBytes} bytes: refused`), {
        channel,
        retryable: false,
        details: { maxBytes, seenBytes },
      }),
  });
  return { status: res.statusCode, headers, bytes };
}

/**
 * Performs one request within `timeoutMs` (connect, headers and body together). Failures to talk to the platform
 * at all (refused, reset, DNS, timeout) become NETWORK errors, which are retryable.
 */
export async function exchangeOnce(exchange: Exchange): Promise<RawResponse> {
  const { channel, method, timeoutMs } = exchange;
  const where = `${method} ${describeUrl(exchange.url)}`;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new LoketError('NETWORK', loketMessage(channel, `${where} timed out after ${timeoutMs} ms`), {
        channel,
        retryable: true,
        details: { sent: 'unknown' },
      });
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    // Racing the timer (not only aborting) settles on time even when a dispatcher notices the abort late.
    return await Promise.race([run(exchange, controller.signal), timeout]);
  } catch (err) {
    if (LoketError.is(err)) throw err;
    const code = (err as { code?: unknown }).code;
    // Error texts may quote the URL with its query, and a query may carry a token: drop queries.
    const reason = (err instanceof Error ? err.message : String(err)).replace(/\?[^\s"']*/g, '?…');
    throw new LoketError(
      'NETWORK',
      loketMessage(channel, `${where} failed: ${code ? `${String(code)} ` : ''}${reason}`),
      { channel, retryable: true, cause: err, details: { sent: surelyNotSent(err) ? false : 'unknown' } },
    );
  } finally {
    clearTimeout(timer);
  }
}
