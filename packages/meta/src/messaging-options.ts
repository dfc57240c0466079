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
  /** Transport tuning: timeout, retries (they happen inside `send`), dispatcher, and the wait between attempts. */
  transport: z.custom<MessagingTransportOptions>((v) => typeof v === 'object' && v !== null).optional(),
  /** The clock for receipts (`acceptedAt`); tests inject one. */
  now: z.custom<() => number>((v) => typeof v === 'function').optional(),
};

/** Checked shared options (as each adapter's schema outputs them). */
export type MessagingOptions = z.output<z.ZodObject<typeof messagingOptionsShape>>;
