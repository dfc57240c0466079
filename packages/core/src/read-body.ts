import type { LoketError } from './errors.js';

/**
 * A body to read: a Web stream (fetch's `Request.body`) or an async iterable of chunks (node:http's
 * IncomingMessage, undici's response body). A source with `destroy` is destroyed on refusal, which frees the
 * connection.
 */
export type BodySource =
  | ReadableStream<Uint8Array>
  | (AsyncIterable<Uint8Array | string> & { destroy?(err?: Error): unknown })
  | null
  | undefined;

/** The byte limit {@link readBody} keeps, and the error it refuses with. */
export interface BodyLimit {
  /** No limit when undefined. */
  maxBytes?: number | undefined;
  /** The size the sender announced (`content-length`): past `maxBytes` it is refused before anything is read. */
  declaredLength?: number | undefined;
  /** The caller's error for a body past `maxBytes`: `seenBytes` is the declared length or what was read so far. */
  tooLarge(seenBytes: number): LoketError;
}

/** Reads a whole body into bytes, refusing as soon as it passes `maxBytes`, so a huge body never fills memory. */
export async function readBody(source: BodySource, limit: BodyLimit): Promise<Uint8Array> {
  if (!source) return new Uint8Array(0);
  const { maxBytes, declaredLength } = limit;
  const refuse = (seenBytes: number): LoketError => {
    const error = limit.tooLarge(seenBytes);
    if ('destroy' in source) source.destroy?.(error);
    return error;
  };
  if (maxBytes !== undefined && declaredLength !== undefined && declaredLength > maxBytes) throw refuse(declaredLength);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunksOf(source)) {
    total += chunk.byteLength;
    if (maxBytes !== undefined && total > maxBytes) throw refuse(total);
    chunks.push(chunk);
  }
  return joinChunks(chunks, total);
}

/** Concatenates chunks whose sizes add up to `total`. */
export function joinChunks(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

async function* chunksOf(source: Exclude<BodySource, null | undefined>): AsyncGenerator<Uint8Array> {
  if ('getReader' in source) {
    const reader = source.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      // Stops the upload when we quit early (body too large); a no-op after a full read.
      await reader.cancel().catch(() => undefined);
    }
  }
  for await (const chunk of source) yield typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
}
