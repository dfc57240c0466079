/** A webhook body as the kit accepts it: raw bytes, or a string that is encoded as UTF-8. */
export type BodyInput = Uint8Array | string;

const encoder = new TextEncoder();

/** The exact bytes of a body: a string becomes its UTF-8 encoding, bytes pass through unchanged. */
export function toBytes(body: BodyInput): Uint8Array {
  return typeof body === 'string' ? encoder.encode(body) : body;
}

/** Parses bytes as JSON; undefined when they are empty or not JSON. */
export function tryJson(body: Uint8Array): unknown {
  if (body.byteLength === 0) return undefined;
  try {
    return JSON.parse(Buffer.from(body).toString('utf8'));
  } catch {
    // Not JSON (multipart uploads, garbage): callers keep the bytes; the parse error says nothing more.
    return undefined;
  }
}
