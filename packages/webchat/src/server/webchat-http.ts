/** The error bodies of the protocol: `{ error: <code>, message? }`. */
export type WebchatErrorCode =
  | 'unauthorized'
  | 'token_expired'
  | 'verification_required'
  | 'origin_not_allowed'
  | 'rate_limited'
  | 'payload_too_large'
  | 'bad_request'
  | 'unsupported_media_type'
  | 'not_found'
  | 'method_not_allowed'
  | 'unavailable';

const STATUS: Record<WebchatErrorCode, number> = {
  unauthorized: 401,
  token_expired: 401,
  verification_required: 403,
  origin_not_allowed: 403,
  rate_limited: 429,
  payload_too_large: 413,
  bad_request: 400,
  unsupported_media_type: 415,
  not_found: 404,
  method_not_allowed: 405,
  unavailable: 503,
};

/** A protocol error, thrown by a route and answered by the router. */
export class WebchatHttpError extends Error {
  readonly status: number;
  constructor(
    readonly code: WebchatErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly details?: unknown,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

/** The HTTP status of an error code. */
export function statusOf(code: WebchatErrorCode): number {
  return STATUS[code];
}

/** The JSON body of an error. */
export function errorBody(err: WebchatHttpError): string {
  const body: Record<string, unknown> = { error: err.code, message: err.message };
  if (err.details !== undefined) body.issues = err.details;
  return JSON.stringify(body);
}

/** A JSON answer. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/** The bearer value of `Authorization`, if any. */
export function bearerOf(headers: Headers): string | undefined {
  const value = headers.get('authorization');
  const match = value ? /^Bearer\s+(\S+)\s*$/i.exec(value) : null;
  return match?.[1];
}

/** Reads the body up to `limit` bytes; 413 past it (by the declared length or by what arrives). */
export async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function tooLarge(limit: number): WebchatHttpError {
  return new WebchatHttpError('payload_too_large', `the body is larger than ${limit} bytes`, { connection: 'close' });
}

/** Reads and parses a JSON body (an empty body is `{}`); 400 when it is not JSON. */
export async function readJson(request: Request, limit: number): Promise<unknown> {
  const bytes = await readLimited(request, limit);
  if (bytes.byteLength === 0) return {};
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (err) {
    throw new WebchatHttpError('bad_request', `the body is not valid JSON: ${(err as Error).message}`);
  }
}
