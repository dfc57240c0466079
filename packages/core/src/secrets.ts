/**
 * Known secret values (app secrets, verify tokens, access tokens, refreshed tokens), shared by every copy of
 * `@loket/core` in the process. `LoketError` scrubs them from its message and details, and the gateway's logger
 * from every line, so a platform's text that quotes a token never carries it further.
 */
export interface SecretSet {
  /** Declares more values (a refreshed token); empty and too-short values are ignored. */
  add(...values: (string | undefined)[]): void;
  /** Stops scrubbing this set's values (an adapter that is thrown away). */
  forget(): void;
}

/** Values shorter than this are not scrubbed: they would blank out ordinary words. */
export const MIN_SECRET_LENGTH = 6;
/** What a scrubbed secret becomes. */
export const SECRET_PLACEHOLDER = '[redacted]';

// A set keeps its latest values only: a token refreshed every hour must not grow it forever.
const MAX_VALUES_PER_SET = 16;
const REGISTRY = Symbol.for('loket.secrets');

type Registry = Set<Set<string>>;

function registry(): Registry {
  const holder = globalThis as { [REGISTRY]?: Registry };
  holder[REGISTRY] ??= new Set();
  return holder[REGISTRY];
}

/** The forms a secret takes in text: as is, URL-encoded (a query string), JSON-escaped (a quoted body). */
function formsOf(value: string): string[] {
  const forms = new Set([value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]);
  return [...forms];
}

/**
 * Declares an adapter's configured secrets. Call it once when the adapter is built, and `add` each token it
 * obtains later (OAuth refresh).
 *
 * @example
 * const secrets = declareSecrets(options.appSecret, options.verifyToken, options.accessToken);
 * // after a refresh:
 * secrets.add(refreshed.accessToken, refreshed.refreshToken);
 */
export function declareSecrets(...values: (string | undefined)[]): SecretSet {
  const own = new Set<string>();
  registry().add(own);
  const set: SecretSet = {
    add(...more) {
      for (const value of more) {
        if (typeof value !== 'string' || value.trim().length < MIN_SECRET_LENGTH) continue;
        own.delete(value);
        own.add(value);
        if (own.size > MAX_VALUES_PER_SET) own.delete(own.values().next().value as string);
      }
    },
    forget() {
      registry().delete(own);
    },
  };
  set.add(...values);
  return set;
}

/** Every declared value, longest first (so a secret that contains another is replaced whole). */
function knownValues(): string[] {
  const out = new Set<string>();
  for (const own of registry()) for (const value of own) for (const form of formsOf(value)) out.add(form);
  return [...out].sort((a, b) => b.length - a.length);
}

/** Replaces every declared secret in `text` with `[redacted]`. */
export function scrubSecrets(text: string): string {
  const values = knownValues();
  let out = text;
  for (const value of values) if (out.includes(value)) out = out.split(value).join(SECRET_PLACEHOLDER);
  return out;
}

/** A copy of `value` with declared secrets scrubbed from every string in it (objects and arrays, 8 levels deep). */
export function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Uint8Array) return value;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[scrubSecrets(key)] = scrubDeep(v, depth + 1);
  return out;
}
