import { metaJson } from '@loket/testing/kit';

/** A re-encoding a body commonly suffers between the platform and the code that verifies it. */
export interface BodyVariant {
  /** The cause it stands for. */
  cause: 'unicode-escapes-lost' | 're-encoded-body' | 'trailing-newline';
  /** What happened to the body, for the explanation. */
  what: string;
  /** The bytes the platform would have signed if this happened. */
  original: Uint8Array;
}

const NON_ASCII = /[\u0080-\uffff]/;
const enc = (text: string): Uint8Array => new TextEncoder().encode(text);

/**
 * The bodies the platform may really have signed, given the (possibly altered) body the user has: Meta's escaped
 * serialization of the same JSON, compact JSON, and the body without a trailing newline an editor added.
 */
export function bodyVariants(body: Uint8Array): BodyVariant[] {
  const text = Buffer.from(body).toString('utf8');
  const variants: BodyVariant[] = [];
  const trimmed = text.replace(/\r?\n+$/, '');
  if (trimmed !== text) {
    variants.push({
      cause: 'trailing-newline',
      what: 'a newline was added at the end of the body',
      original: enc(trimmed),
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return variants; // not JSON: only byte-level changes can be tried
  }
  variants.push({
    cause: NON_ASCII.test(text) ? 'unicode-escapes-lost' : 're-encoded-body',
    what: NON_ASCII.test(text)
      ? 'the body has non-ASCII characters as UTF-8, but the platform sent (and signed) them escaped as \\uXXXX'
      : 'the body was re-serialized (escaped slashes \\/ or spacing changed)',
    original: enc(metaJson(parsed)),
  });
  variants.push({
    cause: 're-encoded-body',
    what: 'the body was re-serialized by a JSON parser (spacing, escapes or key order changed)',
    original: enc(metaJson(parsed, { escapeSlashes: false })),
  });
  variants.push({
    cause: 're-encoded-body',
    what: 'the body was re-serialized by a JSON parser (JSON.stringify)',
    original: enc(JSON.stringify(parsed)),
  });
  return variants.filter((v) => Buffer.compare(Buffer.from(v.original), Buffer.from(body)) !== 0);
}
