import type { Dispatcher } from 'undici';
import { z } from 'zod';
import { LoketError, loketMessage, toLoketError } from '../errors.js';
import { type Logger, safeLogger } from '../logger.js';
import { describeUrl, type Exchange, exchangeOnce, type RawResponse } from './http-exchange.js';
import { backoffDelay } from '../work/backoff.js';
import { parseRetryAfter, withRetryAfter } from './retry-delay.js';
import { maybeSent, mayRetry } from './retry-policy.js';

/** Options of {@link createTransport}. */
export interface TransportOptions {
  channel: string;
  baseUrl: string;
  /**
   * Sent with every request; a function is called per attempt (so a refreshed token is picked up), with the
   * method and the full URL (query included) of that attempt, for schemes that sign the request (OAuth 1.0a).
   */
  headers?: Record<string, string> | ((request: { method: string; url: URL }) => Record<string, string>);
  /** Timeout of one attempt, connect to last body byte. Default 15000. */
  timeoutMs?: number;
  /**
   * The most a request may take in all, attempts and waits between them included: past it the last failure is
   * thrown (a platform that never finishes its answer cannot hold a send for attempts × timeoutMs). Default 30000.
   */
  deadlineMs?: number;
  /** Attempts in total (default 3), backoff base (250 ms) and cap (10 s), and the longest Retry-After waited
   *  for (30 s; a longer one is thrown at once, with `retryAfterMs`). A POST is tried again only when it surely
   *  did not take effect: connection refused, or an answer of 429, 5xx or with Retry-After (never after a
   *  timeout or a connection lost mid-request, which could deliver a message twice). */
  retry?: { attempts?: number; baseDelayMs?: number; maxDelayMs?: number; maxRetryAfterMs?: number };
  /** Maps a non-2xx response to a LoketError (each adapter's one small errors file). */
  mapError(res: { status: number; headers: Headers; body: unknown; text: string }): LoketError;
  /** Default: the global dispatcher (nock needs that). */
  dispatcher?: Dispatcher;
  logger?: Logger;
  /** How to wait between attempts; injectable for tests and schedulers. Default: a timer. */
  sleep?: (ms: number) => Promise<void>;
  /** The clock for HTTP-date Retry-After headers. Default `Date.now`. */
  now?: () => number;
  /** The jitter source, in [0, 1). Default `Math.random`. */
  random?: () => number;
}

/** One request, relative to the transport's base URL. */
export interface TransportRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Appended to baseUrl; an absolute URL is used as is. */
  path: string;
  query?: Record<string, string | undefined>;
  json?: unknown;
  form?: FormData;
  /** An `application/x-www-form-urlencoded` body (OAuth token endpoints). */
  urlencoded?: Record<string, string>;
  headers?: Record<string, string>;
  /** Default json. */
  responseType?: 'json' | 'bytes';
  /** Refuse larger responses with MEDIA_ERROR (downloads). */
  maxBytes?: number;
}

/** A 2xx response: JSON (or text when it is not JSON), or bytes. */
export interface TransportResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** HTTP for adapters: JSON, uploads, downloads, timeouts, retries with backoff, Retry-After. */
export interface Transport {
  request<T = unknown>(req: TransportRequest): Promise<TransportResponse<T>>;
}

const optionsSchema = z.object({
  channel: z.string().min(1),
  baseUrl: z.url(),
  timeoutMs: z.number().int().positive().optional(),
  deadlineMs: z.number().int().positive().optional(),
  retry: z
    .object({
      attempts: z.number().int().min(1).optional(),
      baseDelayMs: z.number().nonnegative().optional(),
      maxDelayMs: z.number().nonnegative().optional(),
      maxRetryAfterMs: z.number().nonnegative().optional(),
    })
    .optional(),
  mapError: z.custom<TransportOptions['mapError']>((v) => typeof v === 'function', 'mapError must be a function'),
});

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const decoder = new TextDecoder();

function decode(bytes: Uint8Array): { text: string; body: unknown } {
  const text = decoder.decode(bytes);
  if (text.trim() === '') return { text, body: undefined };
  try {
    return { text, body: JSON.parse(text) };
  } catch {
    // Not every answer is JSON (an HTML error page from a proxy): the text itself is the body then.
    return { text, body: text };
  }
}

/**
 * Creates the transport an adapter sends through. Adapters describe requests; retries, backoff and waiting live
 * here, once (STYLE: "HTTP ... live once, in core's transport").
 *
 * @example
 * const http = createTransport({ channel: 'whatsapp', baseUrl: 'https://graph.facebook.com/v25.0',
 *   headers: () => ({ authorization: `Bearer ${token}` }), mapError: graphError });
 * const { body } = await http.request({ method: 'POST', path: `/${phoneId}/messages`, json: payload });
 */
export function createTransport(options: TransportOptions): Transport {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new LoketError(
      'CONFIG',
      loketMessage(options.channel || 'transport', `transport options are not valid: ${issues}`),
    );
  }
  const { channel } = options;
  const attempts = options.retry?.attempts ?? 3;
  const baseDelayMs = options.retry?.baseDelayMs ?? 250;
  const maxDelayMs = options.retry?.maxDelayMs ?? 10_000;
  const maxRetryAfterMs = options.retry?.maxRetryAfterMs ?? 30_000;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const logger = safeLogger(options.logger);
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;
  const deadlineMs = options.deadlineMs ?? 30_000;
  const answered = new WeakSet<LoketError>();

  async function describe(req: TransportRequest, attemptTimeoutMs: number): Promise<Exchange> {
    const url = new URL(/^https?:\/\//i.test(req.path) ? req.path : `${base}/${req.path.replace(/^\/+/, '')}`);
    for (const [key, value] of Object.entries(req.query ?? {}))
      if (value !== undefined) url.searchParams.set(key, value);
    const shared =
      typeof options.headers === 'function'
        ? options.headers({ method: req.method, url: new URL(url) })
        : (options.headers ?? {});
    const headers: Record<string, string> = {
      accept: req.responseType === 'bytes' ? '*/*' : 'application/json',
      ...lowerCase(shared),
      ...lowerCase(req.headers ?? {}),
    };
    let body: string | Uint8Array | undefined;
    if (req.form) {
      const encoded = await encodeForm(req.form);
      body = encoded.bytes;
      headers['content-type'] = encoded.contentType;
    } else if (req.urlencoded) {
      body = new URLSearchParams(req.urlencoded).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (req.json !== undefined) {
      body = JSON.stringify(req.json);
      headers['content-type'] ??= 'application/json';
    }
    return {
      channel,
      method: req.method,
      url,
      headers,
      timeoutMs: attemptTimeoutMs,
      ...(body === undefined ? {} : { body }),
      ...(req.maxBytes === undefined ? {} : { maxBytes: req.maxBytes }),
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    };
  }

  function failure(res: RawResponse): LoketError {
    const { text, body } = decode(res.bytes);
    let error: LoketError;
    try {
      error = options.mapError({ status: res.status, headers: res.headers, body, text });
    } catch (err) {
      error = toLoketError(err, 'PLATFORM_ERROR', channel);
    }
    // 429 means "too many requests" whatever body comes with it (empty, HTML, another shape).
    if (res.status === 429 && error.code !== 'RATE_LIMITED') error = asRateLimited(error);
    const asked = parseRetryAfter(res.headers.get('retry-after'), now());
    const out = error.retryAfterMs === undefined && asked !== undefined ? withRetryAfter(error, asked) : error;
    answered.add(out);
    return out;
  }

  async function once<T>(req: TransportRequest, attemptTimeoutMs: number): Promise<TransportResponse<T>> {
    const exchange = await describe(req, attemptTimeoutMs);
    const res = await exchangeOnce(exchange);
    logger.debug({ channel, method: req.method, url: describeUrl(exchange.url), status: res.status }, 'http');
    if (res.status < 200 || res.status > 299) throw failure(res);
    const body = req.responseType === 'bytes' ? res.bytes : decode(res.bytes).body;
    return { status: res.status, headers: res.headers, body: body as T };
  }

  async function request<T>(req: TransportRequest): Promise<TransportResponse<T>> {
    const startedAt = Date.now();
    for (let attempt = 1; ; attempt++) {
      const left = deadlineMs - (Date.now() - startedAt);
      try {
        return await once<T>(req, Math.max(1, Math.min(timeoutMs, left)));
      } catch (err) {
        // Network failures are already NETWORK errors; anything else (a headers function that throws) is ours.
        const error = toLoketError(err, 'CONFIG', channel);
        if (!mayRetry(req.method, error, answered.has(error))) {
          throw req.method === 'POST' && error.retryable && !answered.has(error) ? maybeSent(error) : error;
        }
        if (attempt >= attempts) throw error;
        const asked = error.retryAfterMs;
        // Waiting longer than the caller would tolerate: hand the platform's wait back instead of sleeping.
        if (asked !== undefined && asked > maxRetryAfterMs) throw error;
        const delayMs =
          asked ?? backoffDelay({ attempt, baseMs: baseDelayMs, maxMs: maxDelayMs, jitter: 'full' }, random);
        // No time left for the wait and another attempt: the deadline ends the request here.
        if (delayMs >= deadlineMs - (Date.now() - startedAt)) throw pastDeadline(error, deadlineMs, attempt);
        logger.warn(
          { channel, method: req.method, path: req.path.split('?')[0], attempt, delayMs, code: error.code },
          'retrying',
        );
        await sleep(delayMs);
      }
    }
  }

  return { request };
}

function asRateLimited(error: LoketError): LoketError {
  return new LoketError('RATE_LIMITED', error.message, {
    retryable: true,
    ...(error.channel === undefined ? {} : { channel: error.channel }),
    ...(error.platformCode === undefined ? {} : { platformCode: error.platformCode }),
    ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
    details: { ...error.details, httpStatus: 429 },
  });
}

function pastDeadline(error: LoketError, deadlineMs: number, attempts: number): LoketError {
  return new LoketError(
    error.code,
    `${error.message} (gave up after ${attempts} attempt(s): deadlineMs ${deadlineMs})`,
    {
      retryable: error.retryable,
      ...(error.channel === undefined ? {} : { channel: error.channel }),
      ...(error.platformCode === undefined ? {} : { platformCode: error.platformCode }),
      ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
      details: { ...error.details, deadlineMs, attempts },
      cause: error,
    },
  );
}

/**
 * Encodes multipart bytes up front: undici 7 cannot stream Node 20's global FormData on a real socket, and bytes
 * can be sent again on a retry.
 */
async function encodeForm(form: FormData): Promise<{ bytes: Uint8Array; contentType: string }> {
  const encoded = new Response(form);
  const contentType = encoded.headers.get('content-type') ?? 'multipart/form-data';
  return { bytes: new Uint8Array(await encoded.arrayBuffer()), contentType };
}

function lowerCase(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
