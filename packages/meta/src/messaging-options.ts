import type { TransportOptions } from '@loket/core';
import { z } from 'zod';
import { metaOptionsShape } from './meta-options.js';

/** What an adapter's `transport` option may tune in core's transport. */
export type MessagingTransportOptions = Partial<
  Pick<TransportOptions, 'timeoutMs' | 'deadlineMs' | 'retry' | 'dispatcher' | 'sleep'>
>;

/** The option fields Messenger and Instagram share: the Meta ones, transport tuning and a clock. */
export const messagingOptionsShape = {
  ...metaOptionsShape,
  /**
   * Transport tuning: `timeoutMs` per attempt, `deadlineMs` for all attempts, `retry` (they happen inside `send`),
   * an undici `dispatcher`, and `sleep` (the wait between attempts). Default: core's transport defaults and the
   * global dispatcher.
   */
  transport: z.custom<MessagingTransportOptions>((v) => typeof v === 'object' && v !== null).optional(),
  /** The clock for receipts (`acceptedAt`), ms since the epoch; tests inject one. Default `Date.now`. */
  now: z.custom<() => number>((v) => typeof v === 'function').optional(),
};

/** Checked shared options (as each adapter's schema outputs them). */
export type MessagingOptions = z.output<z.ZodObject<typeof messagingOptionsShape>>;
