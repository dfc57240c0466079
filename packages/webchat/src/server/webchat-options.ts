import { type EnvNames, type EnvOptional, parseOptions } from '@loket/core';
import { z } from 'zod';
import { type BlobStore, fileBlobStore } from './webchat-blobs.js';

const KIB = 1024;
const positiveInt = z.number().int().positive();
const secret = z.string().min(16, { message: 'must be at least 16 characters' });

const limitsSchema = z.strictObject({
  /** Largest `POST messages` body (bytes); larger gets 413. Default 64 KiB. */
  messageBytes: positiveInt.optional(),
  /** Largest WebSocket frame from a client (bytes). Default 64 KiB. */
  frameBytes: positiveInt.optional(),
  /** Largest attachment upload (bytes), the cap of every kind in `attachments.maxBytes`. Default 10 MiB. */
  attachmentBytes: positiveInt.optional(),
  /** Messages a minute per credential; more get 429 with `Retry-After`. Default 30. */
  messagesPerMinute: positiveInt.optional(),
  /** New sessions a minute per IP address; more get 429. Default 10. */
  sessionsPerMinute: positiveInt.optional(),
  /** Events a stream replays on resume; further behind, it answers `reset` and the client pages. Default 500. */
  replayMax: positiveInt.optional(),
  /** Bytes a stream may have queued for a slow client before it is cut off (it resumes). Default 1 MiB. */
  bufferedBytes: positiveInt.optional(),
});

/** Options of `webchat({...})`. */
export const webchatOptionsSchema = z.strictObject({
  /**
   * The HS256 key the host's backend signs customer tokens with (UTF-8, at least 16 characters). One key of the
   * rotation. Required. The adapter reads no environment variables; `loket dev` takes it from
   * `WEBCHAT_IDENTITY_SECRET`.
   */
  identitySecret: secret,
  /**
   * Browser origins allowed to talk to the web chat (`https://shop.example`); others get 403. At least one.
   * `loket dev` adds `WEBCHAT_ALLOWED_ORIGINS` (comma-separated) to its own origins.
   */
  allowedOrigins: z.array(z.string().url()).min(1),
  /** The site (the business side of every web chat conversation). Default `'default'`. */
  siteId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9._-]+$/)
    .optional(),
  /**
   * More keys for rotation, each `{ kid, secret }`: a token's `kid` picks one; a token without `kid` may match any.
   * Default: none (only `identitySecret`).
   */
  keys: z.array(z.strictObject({ kid: z.string().min(1), secret })).optional(),
  /** Refuse messages from anonymous visitors: only customers with a verified token may write. Default `false`. */
  requireVerified: z.boolean().optional(),
  /** Body, frame and upload sizes, rate limits and stream buffers; each has its own default. */
  limits: limitsSchema.optional(),
  /** Heartbeat interval of the streams (ms). Default 20000. */
  heartbeatMs: positiveInt.optional(),
  /** While open, how soon customers may expect an answer (ms); shown in `availability` events. Default: not shown. */
  expectedReplyMs: positiveInt.optional(),
  /** What customers may upload: MIME types (sniffed from the bytes) and a size cap per kind (bytes). */
  attachments: z
    .strictObject({
      /** Allowed MIME types, checked against the sniffed bytes. Default `DEFAULT_ATTACHMENT_TYPES`. */
      mimeTypes: z
        .array(z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/))
        .min(1)
        .optional(),
      /** Size caps per kind (bytes), each at most `limits.attachmentBytes`. Default: `limits.attachmentBytes`. */
      maxBytes: z
        .strictObject({ image: positiveInt, video: positiveInt, audio: positiveInt, file: positiveInt })
        .partial()
        .optional(),
    })
    .optional(),
  /** Where attachment bytes live. Default: files under `.loket/webchat-attachments` in the working directory. */
  storage: z
    .custom<BlobStore>(
      (v) => typeof (v as BlobStore)?.put === 'function' && typeof (v as BlobStore)?.get === 'function',
      {
        message: 'must be a BlobStore (fileBlobStore({ dir }), memoryBlobStore())',
      },
    )
    .optional(),
});

/** Options of `webchat({...})`; `identitySecret` and `allowedOrigins` may come from the environment. */
export type WebchatOptions = EnvOptional<z.input<typeof webchatOptionsSchema>, 'identitySecret' | 'allowedOrigins'>;

/** The environment variables `webchat()` reads for options it is not given (`WEBCHAT_ALLOWED_ORIGINS` comma-separated). */
export const WEBCHAT_ENV: EnvNames = {
  identitySecret: 'WEBCHAT_IDENTITY_SECRET',
  allowedOrigins: {
    name: 'WEBCHAT_ALLOWED_ORIGINS',
    parse: (list) =>
      list
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
  },
  siteId: 'WEBCHAT_SITE_ID',
};

/** A kind of attachment, each with its own size cap. */
export type AttachmentKind = 'image' | 'video' | 'audio' | 'file';

/** Uploads allowed by default: pictures, short videos, voice notes and PDFs, each checked against its bytes. */
export const DEFAULT_ATTACHMENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'video/mp4',
  'video/webm',
  'audio/mpeg',
  'audio/mp4',
  'audio/aac',
  'audio/ogg',
  'audio/webm',
  'audio/wav',
  'application/pdf',
];

/** One HS256 key. */
export interface WebchatKey {
  kid?: string;
  secret: string;
}

/** The options with their defaults. */
export interface ResolvedWebchatOptions {
  siteId: string;
  keys: WebchatKey[];
  allowedOrigins: Set<string>;
  requireVerified: boolean;
  heartbeatMs: number;
  expectedReplyMs?: number;
  attachments: { mimeTypes: Set<string>; maxBytes: Record<AttachmentKind, number> };
  storage: BlobStore;
  limits: {
    messageBytes: number;
    frameBytes: number;
    attachmentBytes: number;
    messagesPerMinute: number;
    sessionsPerMinute: number;
    replayMax: number;
    bufferedBytes: number;
  };
}

/** Checks the options, reading `WEBCHAT_*` for the ones left out (CONFIG naming the option otherwise), and fills in
 * the defaults of DESIGN.md. */
export function resolveWebchatOptions(given: WebchatOptions): ResolvedWebchatOptions {
  const o = parseOptions(webchatOptionsSchema, given, {
    channel: 'webchat',
    factory: 'webchat',
    usage: 'webchat({ identitySecret, allowedOrigins })',
    env: WEBCHAT_ENV,
  });
  const l = o.limits ?? {};
  const attachmentBytes = l.attachmentBytes ?? 10 * KIB * KIB;
  const caps = o.attachments?.maxBytes ?? {};
  return {
    attachments: {
      mimeTypes: new Set(o.attachments?.mimeTypes ?? DEFAULT_ATTACHMENT_TYPES),
      maxBytes: {
        image: Math.min(caps.image ?? attachmentBytes, attachmentBytes),
        video: Math.min(caps.video ?? attachmentBytes, attachmentBytes),
        audio: Math.min(caps.audio ?? attachmentBytes, attachmentBytes),
        file: Math.min(caps.file ?? attachmentBytes, attachmentBytes),
      },
    },
    storage: o.storage ?? fileBlobStore({ dir: '.loket/webchat-attachments' }),
    siteId: o.siteId ?? 'default',
    keys: [{ secret: o.identitySecret }, ...(o.keys ?? [])],
    allowedOrigins: new Set(o.allowedOrigins.map((origin) => new URL(origin).origin)),
    requireVerified: o.requireVerified ?? false,
    heartbeatMs: o.heartbeatMs ?? 20_000,
    ...(o.expectedReplyMs === undefined ? {} : { expectedReplyMs: o.expectedReplyMs }),
    limits: {
      messageBytes: l.messageBytes ?? 64 * KIB,
      frameBytes: l.frameBytes ?? 64 * KIB,
      attachmentBytes,
      messagesPerMinute: l.messagesPerMinute ?? 30,
      sessionsPerMinute: l.sessionsPerMinute ?? 10,
      replayMax: l.replayMax ?? 500,
      bufferedBytes: l.bufferedBytes ?? 1024 * KIB,
    },
  };
}
