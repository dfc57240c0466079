import type { Readable } from 'node:stream';
import { LoketError, loketMessage } from '../errors.js';

/** A body source: a Web stream (fetch) or an async iterable of chunks (node:http's IncomingMessage). */
export type BodySource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string> | null | undefined;

function tooLarge(limit: number, channel: string): LoketError {
  return new LoketError(
    'PAYLOAD_TOO_LARGE',
    loketMessage(channel, `webhook body is larger than maxBodyBytes (${limit})`),
    {
      channel,
    },
  );
}

function join(chunks: Uint8Array[], total: number): Uint8Array {
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

/** Reads a whole body, refusing with PAYLOAD_TOO_LARGE as soon as it passes `limit` bytes. */
export async function readBody(source: BodySource, limit: number, channel: string): Promise<Uint8Array> {
  if (!source) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunksOf(source)) {
    total += chunk.byteLength;
    checkSize(total, limit, channel);
    chunks.push(chunk);
  }
  return join(chunks, total);
}

/** Refuses a size past the limit with PAYLOAD_TOO_LARGE. */
export function checkSize(size: number, limit: number, channel: string): void {
  if (size > limit) throw tooLarge(limit, channel);
}

/** Refuses a declared `content-length` past the limit before anything is read. */
export function checkDeclaredLength(header: string | null | undefined, limit: number, channel: string): void {
  if (header == null) return;
  const declared = Number(header);
  if (Number.isFinite(declared)) checkSize(declared, limit, channel);
}

/**
 * Reads a node:http body with plain `data`/`end` listeners: on the ack path this is several times cheaper than an
 * async iterator. Past `limit` it refuses with PAYLOAD_TOO_LARGE and lets the rest of the upload drain unread.
 */
export function readNodeStream(stream: Readable, limit: number, channel: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    const cleanup = (): void => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      total += chunk.byteLength;
      if (total > limit) {
        cleanup();
        stream.resume();
        reject(tooLarge(limit, channel));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : join(chunks, total));
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(err);
    };
    // A client that aborts may close the stream without an error: never wait for an end that will not come.
    const onClose = (): void => {
      cleanup();
      reject(Object.assign(new Error('the client aborted the upload'), { code: 'ECONNRESET' }));
    };
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
    stream.on('close', onClose);
  });
}
