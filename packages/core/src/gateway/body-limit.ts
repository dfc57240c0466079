import type { Readable } from 'node:stream';
import { LoketError, loketMessage } from '../errors.js';
import { joinChunks } from '../read-body.js';

/** The refusal of a webhook body past `maxBodyBytes`. */
export function webhookTooLarge(limit: number, channel: string): LoketError {
  return new LoketError(
    'PAYLOAD_TOO_LARGE',
    loketMessage(channel, `webhook body is larger than maxBodyBytes (${limit})`),
    {
      channel,
    },
  );
}

/** Refuses a size past the limit with PAYLOAD_TOO_LARGE. */
export function checkSize(size: number, limit: number, channel: string): void {
  if (size > limit) throw webhookTooLarge(limit, channel);
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
        reject(webhookTooLarge(limit, channel));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : joinChunks(chunks, total));
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
