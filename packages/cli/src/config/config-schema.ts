import type { Gateway } from '@loket/core';
import { z } from 'zod';
import { isPostgresUrl } from '../db/postgres-module.js';

/** One channel's credentials and settings, as in `loket.config.*` or the environment. */
export const channelConfigSchema = z.looseObject({
  appSecret: z.string().optional(),
  verifyToken: z.string().optional(),
  accessToken: z.string().optional(),
  apiBaseUrl: z.string().optional(),
  graphVersion: z.string().optional(),
});
export type ChannelConfig = z.infer<typeof channelConfigSchema>;

/** `loket.config.{json,js,mjs,ts}`: every field optional; flags and the environment win over it. */
export const loketConfigSchema = z.strictObject({
  /** Port of the dev server (gateway, webhooks and console). Default 3000. */
  port: z.number().int().min(0).max(65_535).optional(),
  /** Default `localhost`. */
  host: z.string().min(1).optional(),
  /** `sqlite` (default, in `<dataDir>/loket.db`), `memory`, or a `postgres://` URL (@loket/store-postgres). */
  store: z
    .union([
      z.enum(['sqlite', 'memory']),
      z.custom<`postgres://${string}` | `postgresql://${string}`>((v) => typeof v === 'string' && isPostgresUrl(v), {
        message: 'must be sqlite, memory or a postgres:// URL',
      }),
    ])
    .optional(),
  /** Where the SQLite file lives. Default `.loket`. */
  dataDir: z.string().min(1).optional(),
  /** The public https URL the platforms reach (a tunnel); used to print the webhook URLs to register. */
  publicUrl: z.url().optional(),
  /** Answer every customer text with an echo. Default: on for emulated channels, never for real ones. */
  echo: z.boolean().optional(),
  /** Per channel: `{ whatsapp: { appSecret, verifyToken, accessToken, phoneNumberId } }`. */
  channels: z.record(z.string(), channelConfigSchema).optional(),
  /** Registers your own handlers (`.js`/`.ts` configs only); replaces the echo. */
  setup: z.custom<(gateway: Gateway) => void | Promise<void>>((v) => typeof v === 'function').optional(),
});
/** The contents of `loket.config.*`. */
export type LoketConfig = z.infer<typeof loketConfigSchema>;
