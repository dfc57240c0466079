import { WebchatHttpError } from './webchat-http.js';

const ALLOW_HEADERS = 'authorization, content-type, last-event-id';

/**
 * A present `Origin` must be on the allowlist; requests without one (servers, mobile apps) are no browsers and
 * pass. Throws 403 otherwise.
 */
export function checkOrigin(headers: Headers, allowed: ReadonlySet<string>): string | undefined {
  const origin = headers.get('origin');
  if (origin === null) return undefined;
  if (!allowed.has(origin)) {
    throw new WebchatHttpError('origin_not_allowed', `origin ${origin} is not in allowedOrigins`);
  }
  return origin;
}

/** The CORS headers for an allowed origin (none without one). */
export function corsHeaders(origin: string | undefined): Record<string, string> {
  if (origin === undefined) return { vary: 'Origin' };
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': 'retry-after',
    vary: 'Origin',
  };
}

/** The answer to a CORS preflight from an allowed origin. */
export function preflight(origin: string | undefined): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...corsHeaders(origin),
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': ALLOW_HEADERS,
      'access-control-max-age': '600',
    },
  });
}
