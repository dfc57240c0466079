import { LoketError, loketMessage } from '@loket/core';
import { graphErrorDetails, graphErrorEnvelopeSchema } from './graph-error-envelope.js';
import { genericGraphRule, type GraphErrorRule, type GraphErrorTable, httpStatusRule } from './graph-error-rules.js';
import { graphRetryAfterMs } from './graph-retry-after.js';

/** What core's transport hands to `mapError` for a non-2xx answer. */
export interface GraphErrorResponse {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

/**
 * The rule for a Graph error code (sync envelope or async `errors[]` item): the product table by
 * `code/subcode`, then by `code`, then the Graph-wide codes, then the HTTP status when there is one. An unknown
 * asynchronous code is a PLATFORM_ERROR that is not retried.
 */
export function classifyGraphError(
  code: number,
  subcode: number | undefined,
  table: GraphErrorTable,
  httpStatus?: number,
): GraphErrorRule {
  return (
    (subcode === undefined ? undefined : table[`${code}/${subcode}`]) ??
    table[String(code)] ??
    genericGraphRule(code) ??
    (httpStatus === undefined ? { code: 'PLATFORM_ERROR', retryable: false } : httpStatusRule(httpStatus))
  );
}

/** The platform code as Loket keeps it: `131047`, or `"10/2018278"` when there is a subcode. */
export function graphPlatformCode(code: number, subcode?: number): string | number {
  return subcode === undefined ? code : `${code}/${subcode}`;
}

/**
 * Maps a failed Graph response onto a LoketError with the product's code table: the envelope is checked with
 * zod, Retry-After / X-Business-Use-Case-Usage give `retryAfterMs`, a non-JSON body is a PLATFORM_ERROR.
 *
 * @example
 * createTransport({ ..., mapError: (res) => mapGraphError(res, WHATSAPP_ERRORS, 'whatsapp') });
 */
export function mapGraphError(res: GraphErrorResponse, table: GraphErrorTable, channel: string): LoketError {
  const envelope = graphErrorEnvelopeSchema.safeParse(bodyOf(res));
  if (!envelope.success) {
    const json = bodyOf(res) !== undefined;
    // An HTTP status still says what happened when the body does not: 429 is a rate limit, whatever follows it.
    const rule =
      json || res.status === 429
        ? httpStatusRule(res.status)
        : { code: 'PLATFORM_ERROR' as const, retryable: res.status >= 500 };
    const text = json ? 'a body that is not a Graph error' : 'a body that is not JSON';
    return new LoketError(rule.code, loketMessage(channel, `Graph API answered HTTP ${res.status} with ${text}`), {
      channel,
      retryable: rule.retryable,
      retryAfterMs: rule.retryable ? graphRetryAfterMs(res.headers) : undefined,
      details: { httpStatus: res.status },
    });
  }
  const error = envelope.data.error;
  let rule = classifyGraphError(error.code, error.error_subcode, table, res.status);
  if (!rule.retryable && error.is_transient === true && rule.code === 'PLATFORM_ERROR')
    rule = { ...rule, retryable: true };
  const platformCode = graphPlatformCode(error.code, error.error_subcode);
  const details = graphErrorDetails(error.error_data);
  const said = [error.message ?? error.type ?? 'no message', details].filter(Boolean).join(': ');
  const text = `Graph API error ${platformCode} (HTTP ${res.status}): ${said}${rule.hint ? ` — ${rule.hint}` : ''}`;
  return new LoketError(rule.code, loketMessage(channel, text), {
    channel,
    retryable: rule.retryable,
    platformCode,
    retryAfterMs: (rule.retryable ? graphRetryAfterMs(res.headers) : undefined) ?? rule.retryAfterMs,
    details: { httpStatus: res.status, type: error.type, fbtraceId: error.fbtrace_id, details },
  });
}

/** The response body as JSON: the transport's parsed body, or the text parsed here; undefined when not JSON. */
function bodyOf(res: GraphErrorResponse): unknown {
  if (res.body !== undefined && res.body !== null && typeof res.body === 'object') return res.body;
  try {
    return JSON.parse(res.text);
  } catch {
    return undefined; // not JSON: the caller reports a PLATFORM_ERROR with the HTTP status
  }
}
