import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** What is kept beside an attachment's bytes. */
export interface BlobMeta {
  mimeType: string;
  size: number;
  filename?: string;
  sha256: string;
  /** The contact who uploaded it: only they may attach it to a message. */
  owner: string;
  createdAt: number;
}

/** Where attachment bytes live. Small on purpose: a filesystem default, a memory one for tests, yours for S3 & co. */
export interface BlobStore {
  put(id: string, bytes: Uint8Array, meta: BlobMeta): Promise<void>;
  get(id: string): Promise<{ bytes: Uint8Array; meta: BlobMeta } | undefined>;
}

const metaSchema = z.object({
  mimeType: z.string(),
  size: z.number(),
  filename: z.string().optional(),
  sha256: z.string(),
  owner: z.string(),
  createdAt: z.number(),
});

// Ids are ours (`wca_` + base64url), so they are safe file names; anything else is refused before touching disk.
const SAFE_ID = /^wca_[A-Za-z0-9_-]{16,64}$/;

/**
 * Attachments as files under `dir` (`<id>.bin` and `<id>.json`). `loket dev` keeps them under `.loket/`.
 *
 * @example
 * webchat({ identitySecret, allowedOrigins, storage: fileBlobStore({ dir: '/var/lib/loket/attachments' }) })
 */
export function fileBlobStore(options: { dir: string }): BlobStore {
  let ready: Promise<unknown> | undefined;
  return {
    async put(id, bytes, meta) {
      if (!SAFE_ID.test(id)) throw new Error(`unsafe attachment id ${id}`);
      // Created on the first upload, so a gateway that never takes one leaves no folder behind.
      ready ??= mkdir(options.dir, { recursive: true });
      await ready;
      await writeFile(join(options.dir, `${id}.bin`), bytes);
      await writeFile(join(options.dir, `${id}.json`), JSON.stringify(meta));
    },
    async get(id) {
      if (!SAFE_ID.test(id)) return undefined;
      try {
        const meta = metaSchema.parse(JSON.parse(await readFile(join(options.dir, `${id}.json`), 'utf8')));
        return { bytes: new Uint8Array(await readFile(join(options.dir, `${id}.bin`))), meta };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
  };
}

/**
 * Attachments in this process's memory, for tests.
 *
 * @example
 * webchat({ identitySecret, allowedOrigins, storage: memoryBlobStore() })
 */
export function memoryBlobStore(): BlobStore {
  const blobs = new Map<string, { bytes: Uint8Array; meta: BlobMeta }>();
  return {
    async put(id, bytes, meta) {
      blobs.set(id, { bytes: new Uint8Array(bytes), meta: { ...meta } });
    },
    async get(id) {
      return blobs.get(id);
    },
  };
}
