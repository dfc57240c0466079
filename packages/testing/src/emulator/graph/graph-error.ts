import { randomBytes } from 'node:crypto';

/** A Graph API error to answer with (sync, HTTP) or to put in a `failed` status (async). */
export interface GraphErrorInit {
  code: number;
  subcode?: number;
  /** Default: the title Meta uses for the code, or `(#<code>) Error`. */
  message?: string;
  /** `error_data.details`. */
  details?: string;
  /** HTTP status; default by code (190 → 401, permissions → 403, 1/2 → 5xx, else 400). */
  status?: number;
}

// Titles and details as the platform words them (PLATFORM_RULES §1.7); code is what adapters must map on.
const KNOWN: Record<number, { title: string; details?: string }> = {
  1: { title: 'An unknown error occurred' },
  2: { title: 'Service temporarily unavailable' },
  4: { title: '(#4) Application request limit reached' },
  10: { title: '(#10) Application does not have permission for this action' },
  100: { title: '(#100) Invalid parameter' },
  190: { title: 'Invalid OAuth access token - Cannot parse access token' },
  80007: { title: '(#80007) Rate limit issues' },
  130429: { title: '(#130429) Rate limit hit', details: 'Cloud API message throughput has been reached.' },
  131000: { title: 'Something went wrong' },
  131009: { title: '(#131009) Parameter value is not valid' },
  131016: { title: 'Service unavailable' },
  131026: { title: 'Message undeliverable', details: 'Unable to deliver message.' },
  131047: {
    title: 'Re-engagement message',
    details:
      'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
  },
  131049: { title: 'This message was not delivered to maintain healthy ecosystem engagement.' },
  131050: { title: 'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages.' },
  131051: { title: 'Unsupported message type' },
  131053: { title: 'Media upload error' },
  131056: { title: '(#131056) (Business Account, Consumer Account) pair rate limit hit' },
  132001: { title: '(#132001) Template name does not exist in the translation' },
};

function defaultStatus(code: number): number {
  if (code === 190) return 401;
  if (code === 10 || (code >= 200 && code <= 299)) return 403;
  if (code === 1) return 500;
  if (code === 2) return 503;
  return 400;
}

/** The title Meta uses for a code. */
export function graphErrorTitle(code: number): string {
  return KNOWN[code]?.title ?? `(#${code}) Error`;
}

/** The details Meta gives for a code (falls back to the title). */
export function graphErrorDetails(code: number): string {
  return KNOWN[code]?.details ?? graphErrorTitle(code);
}

/** An HTTP Graph error answer: `{ error: { message, type, code, error_subcode?, error_data, fbtrace_id } }`. */
export function graphError(init: GraphErrorInit): { status: number; body: { error: Record<string, unknown> } } {
  const error: Record<string, unknown> = {
    message: init.message ?? graphErrorTitle(init.code),
    type: 'OAuthException',
    code: init.code,
  };
  if (init.subcode !== undefined) error.error_subcode = init.subcode;
  if (init.code === 1 || init.code === 2) error.is_transient = true;
  error.error_data = { messaging_product: 'whatsapp', details: init.details ?? graphErrorDetails(init.code) };
  error.fbtrace_id = randomBytes(9).toString('base64url');
  return { status: init.status ?? defaultStatus(init.code), body: { error } };
}

/** The Graph error a bare injected status stands for (429 → throughput, 5xx → transient, else invalid parameter). */
export function graphErrorForStatus(status: number): { status: number; body: { error: Record<string, unknown> } } {
  if (status === 429) return graphError({ code: 130429, status });
  if (status >= 500) return graphError({ code: status === 500 ? 1 : 2, status });
  return graphError({ code: 100, status });
}
