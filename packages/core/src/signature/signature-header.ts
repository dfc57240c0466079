/** How a platform encodes the MAC in its signature header. */
export type DigestEncoding = 'hex' | 'base64';

/** What a signature header must look like: `<prefix><digest>`, the digest `bytes` long once decoded. */
export interface SignatureFormat {
  /** `sha256=` on Meta and X. */
  prefix: string;
  encoding: DigestEncoding;
  /** Decoded length of the MAC (32 for SHA-256). */
  bytes: number;
}

/** A header read: the decoded MAC, or what is wrong with it (never the value itself). */
export type ReadSignature = { ok: true; digest: Buffer } | { ok: false; problem: string };

const HEX = /^[0-9a-fA-F]+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
// HTTP's optional whitespace around a field value: SP and HTAB only (never U+00A0 or other Unicode spaces).
const OWS = /^[ \t]+|[ \t]+$/g;

/**
 * Reads a `sha256=<digest>` signature header strictly: only SP/HTAB are trimmed, and the prefix, the alphabet of
 * the encoding, the decoded length and the canonical form (lowercase hex; base64 exactly as it re-encodes) must all
 * be right, so a hex value in a base64 header (or a truncated, re-cased or re-padded one) is refused with a reason
 * instead of being decoded into garbage.
 *
 * @example
 * const read = readSignatureHeader(req.headers.get('x-twitter-webhooks-signature'), { prefix: 'sha256=', encoding: 'base64', bytes: 32 });
 * if (!read.ok) throw invalid(read.problem);
 */
export function readSignatureHeader(value: string | null, format: SignatureFormat): ReadSignature {
  if (value === null) return { ok: false, problem: 'is missing' };
  const trimmed = value.replace(OWS, '');
  if (!trimmed.startsWith(format.prefix)) {
    return { ok: false, problem: `does not start with "${format.prefix}" (got ${describeHeaderValue(trimmed)})` };
  }
  const digest = trimmed.slice(format.prefix.length);
  const alphabet = format.encoding === 'hex' ? HEX : BASE64;
  const length = format.encoding === 'hex' ? format.bytes * 2 : Math.ceil(format.bytes / 3) * 4;
  if (!alphabet.test(digest) || digest.length !== length) {
    const seen = HEX.test(digest) && format.encoding === 'base64' ? ', which looks like hex' : '';
    return {
      ok: false,
      problem: `is malformed: expected "${format.prefix}" and ${length} ${format.encoding} characters, got ${describeHeaderValue(trimmed)}${seen}`,
    };
  }
  const decoded = Buffer.from(digest, format.encoding);
  if (decoded.toString(format.encoding) !== digest) {
    return {
      ok: false,
      problem: `is malformed: expected exactly "${format.prefix}" and ${format.encoding === 'hex' ? 'lowercase hex' : 'canonical base64'}, got ${describeHeaderValue(trimmed)}`,
    };
  }
  return { ok: true, digest: decoded };
}

/** Says what a header value looks like without echoing it (it may be a MAC made with the right secret). */
export function describeHeaderValue(value: string): string {
  // Only a short alphanumeric `name=` counts as a prefix: base64 padding is no prefix, and must not be echoed.
  const match = /^[a-z0-9]{1,10}=/i.exec(value);
  const prefix = match ? `"${match[0]}…"` : 'no prefix';
  return `${prefix} (${value.length} characters)`;
}
