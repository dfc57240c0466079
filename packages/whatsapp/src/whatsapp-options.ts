import type { EnvOptional, TransportOptions } from '@loket/core';
import { metaEnvNames, metaOptionsShape, parseMetaOptions } from '@loket/meta';
import { z } from 'zod';

/** What `whatsapp({ transport })` may tune in core's transport. */
export type WhatsAppTransportOptions = Partial<
  Pick<TransportOptions, 'timeoutMs' | 'deadlineMs' | 'retry' | 'dispatcher' | 'sleep'>
>;

const fn = <T>() => z.custom<T>((v) => typeof v === 'function');

/** Options of `whatsapp({...})`, checked with zod at construction (a missing secret fails with `CONFIG`). */
export const whatsappOptionsSchema = z.object({
  ...metaOptionsShape,
  /**
   * The WhatsApp Business phone number id (digits, not the phone number) to send from when a message's `to.account`
   * is empty or `*`. Default: none (every message names its `to.account`). `loket dev`: `WHATSAPP_PHONE_NUMBER_ID`.
   */
  phoneNumberId: z.string().regex(/^\d+$/).optional(),
  /**
   * The send-body field that carries a BSUID (business-scoped user id, `US.1349…`) when the user has no phone
   * number. Meta's 2026 BSUID page names it `recipient`; configurable because the feature is still rolling out.
   * Default `'recipient'`.
   */
  bsuidRecipientField: z.string().min(1).default('recipient'),
  /**
   * Transport tuning: `timeoutMs` per attempt, `deadlineMs` for all attempts, `retry` (they happen inside `send`),
   * an undici `dispatcher`, and `sleep` (the wait between attempts). Default: core's transport defaults and the
   * global dispatcher.
   */
  transport: z.custom<WhatsAppTransportOptions>((v) => typeof v === 'object' && v !== null).optional(),
  /** The clock for receipts (`acceptedAt`), ms since the epoch; tests inject one. Default `Date.now`. */
  now: fn<() => number>().optional(),
});

/** Options of `whatsapp({...})`. */
export type WhatsAppOptions = EnvOptional<
  z.input<typeof whatsappOptionsSchema>,
  'appSecret' | 'verifyToken' | 'accessToken'
>;

/** The environment variables `whatsapp()` reads for options it is not given (the names `loket dev` uses). */
export const WHATSAPP_ENV = metaEnvNames('WHATSAPP', 'phoneNumberId');
/** Checked options with defaults applied. */
export type ResolvedWhatsAppOptions = z.output<typeof whatsappOptionsSchema>;

/** Checks `whatsapp({...})` options; throws `CONFIG` naming the option (`accessToken is missing: pass it to whatsapp({...})`). */
export function parseWhatsAppOptions(input: unknown): ResolvedWhatsAppOptions {
  return parseMetaOptions(whatsappOptionsSchema, input, {
    channel: 'whatsapp',
    factory: 'whatsapp',
    env: WHATSAPP_ENV,
  });
}
