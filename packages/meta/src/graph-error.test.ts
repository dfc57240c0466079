import { describe, expect, it } from 'vitest';
import { classifyGraphError, type GraphErrorResponse, mapGraphError } from './graph-error.js';
import type { GraphErrorTable } from './graph-error-rules.js';
import { graphRetryAfterMs } from './graph-retry-after.js';

const table: GraphErrorTable = {
  '131047': { code: 'OUTSIDE_WINDOW', retryable: false, hint: 'send a template' },
  '10': { code: 'AUTH_FAILED', retryable: false },
  '10/2018278': { code: 'OUTSIDE_WINDOW', retryable: false },
  '131057': { code: 'RATE_LIMITED', retryable: true, retryAfterMs: 60_000 },
};

function res(status: number, body: unknown, headers: Record<string, string> = {}): GraphErrorResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined; // the transport hands over undefined for a non-JSON body
  }
  return { status, headers: new Headers(headers), body: parsed, text };
}

function envelope(code: number, extra: Record<string, unknown> = {}) {
  return { error: { message: `Error ${code}`, type: 'OAuthException', code, fbtrace_id: 'AbC123', ...extra } };
}

describe('mapGraphError', () => {
  it('maps a code through the product table, keeping the platform code and trace id', () => {
    const err = mapGraphError(
      res(400, envelope(131047, { error_data: { messaging_product: 'whatsapp', details: 'more than 24 hours' } })),
      table,
      'whatsapp',
    );
    expect(err).toMatchObject({ code: 'OUTSIDE_WINDOW', retryable: false, platformCode: 131047, channel: 'whatsapp' });
    expect(err.message).toBe(
      '[loket] [whatsapp] Graph API error 131047 (HTTP 400): Error 131047: more than 24 hours — send a template',
    );
    expect(err.details).toMatchObject({ httpStatus: 400, fbtraceId: 'AbC123', type: 'OAuthException' });
  });

  it('prefers code/subcode over code, and keeps both in platformCode', () => {
    const outside = mapGraphError(res(400, envelope(10, { error_subcode: 2018278 })), table, 'messenger');
    expect(outside).toMatchObject({ code: 'OUTSIDE_WINDOW', platformCode: '10/2018278' });
    const other = mapGraphError(res(400, envelope(10, { error_subcode: 1 })), table, 'messenger');
    expect(other).toMatchObject({ code: 'AUTH_FAILED', platformCode: '10/1' });
  });

  it.each([
    [4, 'RATE_LIMITED', true],
    [17, 'RATE_LIMITED', true],
    [32, 'RATE_LIMITED', true],
    [613, 'RATE_LIMITED', true],
    [80006, 'RATE_LIMITED', true],
    [80007, 'RATE_LIMITED', true],
    [190, 'AUTH_FAILED', false],
    [1, 'PLATFORM_ERROR', true],
    [2, 'PLATFORM_ERROR', true],
    [10, 'AUTH_FAILED', false],
    [200, 'AUTH_FAILED', false],
    [299, 'AUTH_FAILED', false],
    [100, 'BAD_REQUEST', false],
  ] as const)('falls back to the Graph-wide meaning of %i', (code, loketCode, retryable) => {
    const err = mapGraphError(res(400, envelope(code)), {}, 'instagram');
    expect(err).toMatchObject({ code: loketCode, retryable, platformCode: code });
  });

  it('takes retryAfterMs from Retry-After seconds', () => {
    const err = mapGraphError(res(429, envelope(4), { 'retry-after': '30' }), {}, 'whatsapp');
    expect(err.retryAfterMs).toBe(30_000);
  });

  it('takes retryAfterMs from an HTTP-date Retry-After', () => {
    const now = Date.parse('2026-03-01T12:00:00Z');
    const headers = new Headers({ 'retry-after': 'Sun, 01 Mar 2026 12:02:00 GMT' });
    expect(graphRetryAfterMs(headers, now)).toBe(120_000);
    expect(graphRetryAfterMs(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
  });

  it('takes retryAfterMs from X-Business-Use-Case-Usage (minutes, the largest)', () => {
    const usage = {
      '1234': [
        { type: 'messenger', call_count: 100, total_cputime: 3, total_time: 4, estimated_time_to_regain_access: 2 },
        { type: 'pages', call_count: 90, estimated_time_to_regain_access: 7 },
      ],
    };
    const err = mapGraphError(
      res(400, envelope(80006), { 'x-business-use-case-usage': JSON.stringify(usage) }),
      {},
      'messenger',
    );
    expect(err).toMatchObject({ code: 'RATE_LIMITED', retryable: true, retryAfterMs: 420_000 });
  });

  it('ignores a malformed usage header and falls back to the table delay', () => {
    const err = mapGraphError(res(400, envelope(131057), { 'x-business-use-case-usage': '{oops' }), table, 'whatsapp');
    expect(err.retryAfterMs).toBe(60_000);
    expect(mapGraphError(res(400, envelope(131057), { 'retry-after': '5' }), table, 'whatsapp').retryAfterMs).toBe(
      5000,
    );
  });

  it('gives no retryAfterMs to errors that are not retried', () => {
    expect(mapGraphError(res(400, envelope(100), { 'retry-after': '5' }), {}, 'whatsapp').retryAfterMs).toBeUndefined();
  });

  it('maps an unknown code by HTTP status: 5xx retryable, 4xx bad request', () => {
    expect(mapGraphError(res(503, envelope(999999)), {}, 'whatsapp')).toMatchObject({
      code: 'PLATFORM_ERROR',
      retryable: true,
    });
    expect(mapGraphError(res(400, envelope(999999)), {}, 'whatsapp')).toMatchObject({
      code: 'BAD_REQUEST',
      retryable: false,
    });
  });

  it('retries an unknown code Graph marks transient', () => {
    const err = mapGraphError(
      res(400, envelope(999999, { is_transient: true })),
      { '999999': { code: 'PLATFORM_ERROR', retryable: false } },
      'whatsapp',
    );
    expect(err.retryable).toBe(true);
  });

  it('maps a non-JSON body to PLATFORM_ERROR (retryable on 5xx)', () => {
    const err = mapGraphError(res(502, '<html>Bad Gateway</html>'), table, 'whatsapp');
    expect(err).toMatchObject({ code: 'PLATFORM_ERROR', retryable: true });
    expect(err.message).toBe('[loket] [whatsapp] Graph API answered HTTP 502 with a body that is not JSON');
    expect(mapGraphError(res(400, 'nope'), table, 'whatsapp')).toMatchObject({
      code: 'PLATFORM_ERROR',
      retryable: false,
    });
  });

  it('maps JSON that is not an error envelope by HTTP status', () => {
    expect(mapGraphError(res(404, { hello: 'world' }), table, 'whatsapp')).toMatchObject({ code: 'BAD_REQUEST' });
    expect(mapGraphError(res(401, {}), table, 'whatsapp')).toMatchObject({ code: 'AUTH_FAILED', retryable: false });
  });

  it('reads the text when the transport did not parse the body', () => {
    const r = { ...res(400, envelope(131047)), body: undefined };
    expect(mapGraphError(r, table, 'whatsapp').code).toBe('OUTSIDE_WINDOW');
  });
});

describe('classifyGraphError', () => {
  it('classifies asynchronous codes (no HTTP status); an unknown one is not retried', () => {
    expect(classifyGraphError(131047, undefined, table)).toMatchObject({ code: 'OUTSIDE_WINDOW' });
    expect(classifyGraphError(613, undefined, table)).toMatchObject({ code: 'RATE_LIMITED', retryable: true });
    expect(classifyGraphError(424242, undefined, table)).toEqual({ code: 'PLATFORM_ERROR', retryable: false });
  });
});
