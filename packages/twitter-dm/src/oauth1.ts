import { createHmac, randomBytes } from 'node:crypto';

/** What signs one request with OAuth 1.0a user context. */
export interface OAuth1Keys {
  consumerKey: string;
  consumerSecret: string;
  token: string;
  tokenSecret: string;
}

/** One request to sign: query and form-encoded body parameters are signed; JSON and multipart bodies are not. */
export interface OAuth1Request {
  method: string;
  url: string | URL;
  form?: Record<string, string>;
  /** Fixed in tests; random and the current time otherwise. */
  nonce?: string;
  timestamp?: number;
}

/** RFC 3986 percent-encoding: everything but `A-Za-z0-9-._~`. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The `oauth_*` parameters and the signature of a request (PLATFORM_RULES 4.9, steps 1–5). */
export function oauth1Params(req: OAuth1Request, keys: OAuth1Keys): Record<string, string> {
  const url = new URL(req.url);
  const oauth: Record<string, string> = {
    oauth_consumer_key: keys.consumerKey,
    oauth_nonce: req.nonce ?? randomBytes(16).toString('hex'),
    oauth_signature_method: 'HMAC-SHA1',
    oauth_timestamp: String(req.timestamp ?? Math.floor(Date.now() / 1000)),
    oauth_token: keys.token,
    oauth_version: '1.0',
  };
  const pairs = [...url.searchParams, ...Object.entries(req.form ?? {}), ...Object.entries(oauth)]
    .map(([k, v]) => [percentEncode(k), percentEncode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1));
  const parameters = pairs.map(([k, v]) => `${k}=${v}`).join('&');
  const baseUrl = `${url.protocol}//${url.host}${url.pathname}`;
  const base = [req.method.toUpperCase(), percentEncode(baseUrl), percentEncode(parameters)].join('&');
  const key = `${percentEncode(keys.consumerSecret)}&${percentEncode(keys.tokenSecret)}`;
  return { ...oauth, oauth_signature: createHmac('sha1', key).update(base).digest('base64') };
}

/**
 * The `Authorization: OAuth …` header of a request signed with OAuth 1.0a HMAC-SHA1. Written once, small, and
 * checked against X's published example; no SDK.
 *
 * @example
 * headers.authorization = oauth1Header({ method: 'POST', url: 'https://api.x.com/2/dm_conversations/with/9/messages' }, keys);
 */
export function oauth1Header(req: OAuth1Request, keys: OAuth1Keys): string {
  const params = oauth1Params(req, keys);
  const fields = Object.entries(params).map(([k, v]) => `${percentEncode(k)}="${percentEncode(v)}"`);
  return `OAuth ${fields.join(', ')}`;
}
