import { scrubDeep, scrubSecrets } from './secrets.js';

/** The closed list of error codes every Loket package uses. */
export const LOKET_ERROR_CODES = [
  'SIGNATURE_INVALID',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'OUTSIDE_WINDOW',
  'CONSENT_REQUIRED',
  'UNSUPPORTED_CONTENT',
  'CONTENT_LIMIT',
  'RATE_LIMITED',
  'RECIPIENT_UNAVAILABLE',
  'AUTH_FAILED',
  'MEDIA_ERROR',
  'PLATFORM_ERROR',
  'NETWORK',
  'CONFIG',
] as const;

/** One of the error codes in {@link LOKET_ERROR_CODES}. */
export type LoketErrorCode = (typeof LOKET_ERROR_CODES)[number];

/** Options for {@link LoketError}. */
export interface LoketErrorOptions {
  /** Whether trying the same call again later may succeed. Defaults by code (see {@link defaultRetryable}). */
  retryable?: boolean;
  channel?: string;
  /** The platform's own error code (and subcode), kept beside ours: `131047`, `10/2018278`. */
  platformCode?: string | number;
  /** How long the platform asked us to wait before trying again. */
  retryAfterMs?: number;
  /** Extra, structured facts for the caller (declared secrets are scrubbed from them, as from the message). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/** Options of {@link LoketError.wrap}. */
export interface LoketWrapOptions {
  /** The code of the new error; the wrapped LoketError's own code when omitted. */
  code?: LoketErrorCode;
  /** The source named in the new message; the wrapped error's channel when omitted. */
  channel?: string;
}

const BRAND = Symbol.for('loket.error');
const RETRYABLE_BY_DEFAULT: ReadonlySet<LoketErrorCode> = new Set(['RATE_LIMITED', 'NETWORK', 'PLATFORM_ERROR']);

/** Whether an error with this code is retryable when the thrower does not say. */
export function defaultRetryable(code: LoketErrorCode): boolean {
  return RETRYABLE_BY_DEFAULT.has(code);
}

/**
 * The one error class of Loket. `code` is from a closed list; the platform's code is kept in `platformCode`.
 *
 * @example
 * try { await gateway.send(msg) } catch (err) {
 *   if (LoketError.is(err) && err.code === 'OUTSIDE_WINDOW') { ... }
 * }
 */
export class LoketError extends Error {
  readonly code: LoketErrorCode;
  readonly retryable: boolean;
  readonly channel?: string;
  readonly platformCode?: string | number;
  readonly retryAfterMs?: number;
  readonly details?: Record<string, unknown>;

  constructor(code: LoketErrorCode, message: string, options: LoketErrorOptions = {}) {
    // A platform's text may quote a token ("Malformed access token EAAG…"): no declared secret gets past here.
    super(scrubSecrets(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LoketError';
    this.code = code;
    this.retryable = options.retryable ?? defaultRetryable(code);
    if (options.channel !== undefined) this.channel = options.channel;
    if (options.platformCode !== undefined) this.platformCode = options.platformCode;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    if (options.details !== undefined) this.details = scrubDeep(options.details) as Record<string, unknown>;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** True for a LoketError from any copy of `@loket/core` (branded with `Symbol.for`). */
  static is(err: unknown): err is LoketError {
    return typeof err === 'object' && err !== null && (err as Record<symbol, unknown>)[BRAND] === true;
  }

  /**
   * A new error that says `context` before what `err` said, keeping its code (unless `options.code` names another),
   * `retryable`, `platformCode` and `retryAfterMs`, with `err` as the cause. The message carries one
   * `[loket] [channel]` prefix: the wrapped error's own is dropped, never stacked. Anything that is not a
   * LoketError is wrapped with `options.code` (default `PLATFORM_ERROR`) and that code's default `retryable`.
   *
   * @example
   * catch (err) { throw LoketError.wrap(err, `could not upload ${mimeType} media`, { code: 'MEDIA_ERROR', channel }) }
   * // [loket] [whatsapp] could not upload image/png media: Graph API error 100/33 (HTTP 400): …
   */
  static wrap(err: unknown, context: string, options: LoketWrapOptions = {}): LoketError {
    const from = LoketError.is(err) ? err : undefined;
    const channel = options.channel ?? from?.channel;
    const code = options.code ?? from?.code ?? 'PLATFORM_ERROR';
    return new LoketError(code, loketMessage(channel, `${context}: ${reasonOf(err)}`), {
      channel,
      cause: err,
      retryable: from?.retryable,
      platformCode: from?.platformCode,
      retryAfterMs: from?.retryAfterMs,
    });
  }

  /** A JSON-safe view, for logs and HTTP answers. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      channel: this.channel,
      platformCode: this.platformCode,
      retryAfterMs: this.retryAfterMs,
      details: this.details,
    };
  }
}

/** Builds the house message format: `[loket] [whatsapp] accessToken is missing: pass it to whatsapp({...})`. */
export function loketMessage(source: string | undefined, text: string): string {
  return source ? `[loket] [${source}] ${text}` : `[loket] ${text}`;
}

/** Wraps anything thrown into a LoketError (a LoketError passes through unchanged). */
export function toLoketError(err: unknown, fallback: LoketErrorCode, source?: string): LoketError {
  if (LoketError.is(err)) return err;
  const text = err instanceof Error ? err.message : String(err);
  return new LoketError(fallback, loketMessage(source, text), { cause: err, channel: source });
}

/** What an error said, without the `[loket] [channel]` prefix it was built with (so wrapping never stacks them). */
function reasonOf(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const channel = LoketError.is(err) ? err.channel : undefined;
  for (const prefix of [loketMessage(channel, ''), loketMessage(undefined, '')]) {
    if (message.startsWith(prefix)) return message.slice(prefix.length);
  }
  return message;
}
