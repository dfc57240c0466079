import { LoketError, type LoketErrorCode } from '@loket/core';
import { PROTOCOL_PATH } from './protocol.js';

/** The body or query of one call. */
export interface ApiCall {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  form?: FormData;
  /** Overrides the session credential (a JWT for `POST session`), or `null` for no Authorization at all. */
  bearer?: string | null;
  signal?: AbortSignal;
}

/** `Retry-After` in seconds or as an HTTP date, in ms; 1 s when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (header === null) return 1000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - now);
}

function codeFor(status: number): LoketErrorCode {
  if (status === 401 || status === 403) return 'AUTH_FAILED';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status >= 500) return 'PLATFORM_ERROR';
  return 'BAD_REQUEST';
}

/** The web chat's HTTP routes under `<server>/webchat/v1/`, with the session's bearer on every call. */
export class WebchatApi {
  constructor(
    readonly server: string,
    readonly fetchFn: typeof fetch,
    private readonly credential: () => string | undefined,
    /** A call still unanswered after this long was lost (a half-open pooled connection never answers). */
    private readonly timeoutMs = 20_000,
  ) {}

  /** The absolute URL of a route. */
  url(path: string, query: ApiCall['query'] = {}): string {
    const url = new URL(`${this.server}${PROTOCOL_PATH}/${path}`);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    return url.toString();
  }

  /** The Authorization header of a call, if any. */
  headers(bearer: string | null | undefined = undefined): Record<string, string> {
    const token = bearer === undefined ? this.credential() : bearer;
    return token ? { authorization: `Bearer ${token}` } : {};
  }

  /** Makes one call; rejects with a LoketError (`AUTH_FAILED`, `RATE_LIMITED` with `retryAfterMs`, `NETWORK`...). */
  async request(call: ApiCall): Promise<unknown> {
    const headers = this.headers(call.bearer);
    if (call.json !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await this.fetchFn(this.url(call.path, call.query), {
        method: call.method,
        headers,
        body: call.form ?? (call.json === undefined ? undefined : JSON.stringify(call.json)),
        signal: call.signal ?? AbortSignal.timeout?.(this.timeoutMs),
      });
    } catch (err) {
      throw new LoketError('NETWORK', `[loket] [webchat] ${call.method} ${call.path} did not reach the server`, {
        channel: 'webchat',
        cause: err,
      });
    }
    const text = await res.text().catch(() => '');
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined; // a proxy's HTML error page: the status says enough
    }
    if (res.ok) return body;
    const reason = (body as { error?: unknown } | undefined)?.error;
    throw new LoketError(codeFor(res.status), `[loket] [webchat] ${call.method} ${call.path} answered ${res.status}`, {
      channel: 'webchat',
      platformCode: res.status,
      ...(res.status === 429 ? { retryAfterMs: retryAfterMs(res.headers.get('retry-after')) } : {}),
      details: { status: res.status, ...(typeof reason === 'string' ? { reason } : {}) },
    });
  }
}
