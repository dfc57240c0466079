import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LoketError } from './errors.js';
import { readBody } from './read-body.js';

const tooLarge = (seenBytes: number) => new LoketError('PAYLOAD_TOO_LARGE', `too large: ${seenBytes}`);
const bytes = (...sizes: number[]) => sizes.map((n) => new Uint8Array(n).fill(1));

describe('readBody', () => {
  it('reads a Web stream, an async iterable of strings, and no body at all', async () => {
    expect((await readBody(new Blob([new Uint8Array(3), new Uint8Array(2)]).stream(), { tooLarge })).length).toBe(5);
    expect(new TextDecoder().decode(await readBody(Readable.from(['ab', 'c']), { maxBytes: 3, tooLarge }))).toBe('abc');
    expect((await readBody(null, { maxBytes: 0, tooLarge })).length).toBe(0);
  });

  it('refuses a Web stream past maxBytes and cancels it', async () => {
    let cancelled = false;
    const chunks = bytes(4, 4, 4);
    const stream = new ReadableStream<Uint8Array>({
      pull: (c) => (chunks.length ? c.enqueue(chunks.shift()!) : c.close()),
      cancel: () => {
        cancelled = true;
      },
    });
    await expect(readBody(stream, { maxBytes: 6, tooLarge })).rejects.toThrow('too large: 8');
    expect(cancelled).toBe(true);
  });

  it('refuses a declared length past maxBytes before reading, and destroys the source with the error', async () => {
    const source = Readable.from(bytes(1));
    const emitted: unknown[] = [];
    source.on('error', (err) => emitted.push(err));
    const error = await readBody(source, { maxBytes: 10, declaredLength: 11, tooLarge }).catch((e: unknown) => e);
    expect(error).toMatchObject({ message: 'too large: 11' });
    expect(source.destroyed).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(emitted).toEqual([error]);
  });
});
