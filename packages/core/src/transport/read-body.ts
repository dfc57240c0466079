import { LoketError, loketMessage } from '../errors.js';

/**
 * Reads a response body into bytes, refusing (MEDIA_ERROR) as soon as it passes `maxBytes`, so a huge download
 * never fills memory. The stream is destroyed on refusal, which frees the connection.
 */
export async function readBody(
  body: AsyncIterable<Uint8Array> & { destroy?(err?: Error): unknown },
  options: { maxBytes?: number; declaredLength?: number; channel: string; url: string },
): Promise<Uint8Array> {
  const { maxBytes, channel } = options;
  const tooLarge = (size: number) =>
    new LoketError('MEDIA_ERROR', loketMessage(channel, `${options.url} is larger than ${maxBytes} bytes: refused`), {
      channel,
      retryable: false,
      details: { maxBytes, seenBytes: size },
    });
  if (maxBytes !== undefined && options.declaredLength !== undefined && options.declaredLength > maxBytes) {
    const error = tooLarge(options.declaredLength);
    body.destroy?.(error);
    throw error;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (maxBytes !== undefined && size > maxBytes) {
      const error = tooLarge(size);
      body.destroy?.(error);
      throw error;
    }
    chunks.push(chunk);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
