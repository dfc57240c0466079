import { messagingOptionsShape, metaEnvNames, PAGE_INBOX_APP_ID, parseMetaOptions } from '@loket/meta';
import type { EnvOptional } from '@loket/core';
import { z } from 'zod';

/** Options of `messenger({...})`, checked with zod at construction (a missing secret fails with `CONFIG`). */
export const messengerOptionsSchema = z.object({
  ...messagingOptionsShape,
  /**
   * The Page id to send from when a message's `to.account` is empty or `*`. Default: none (every message names its
   * `to.account`). `loket dev`: `MESSENGER_PAGE_ID`.
   */
  pageId: z.string().regex(/^\d+$/).optional(),
  /** Your Meta app id (digits): echoes with this `app_id` are your own sends (see `echoSource`). Default: none. */
  appId: z.string().regex(/^\d+$/).optional(),
  /**
   * App ids of Meta's Page inbox, whose echoes are a person answering in Meta Business Suite. PLATFORM_RULES 2.4
   * gives a 15- and a 14-digit variant ([U]), so the list is an option. Default `[PAGE_INBOX_APP_ID]`.
   */
  pageInboxAppIds: z.array(z.string()).default([PAGE_INBOX_APP_ID]),
});

/** Options of `messenger({...})`. */
export type MessengerOptions = EnvOptional<
  z.input<typeof messengerOptionsSchema>,
  'appSecret' | 'verifyToken' | 'accessToken'
>;

/** The environment variables `messenger()` reads for options it is not given (the names `loket dev` uses). */
export const MESSENGER_ENV = metaEnvNames('MESSENGER', 'pageId');
/** Checked options with defaults applied. */
export type ResolvedMessengerOptions = z.output<typeof messengerOptionsSchema>;

/** Checks `messenger({...})` options; throws `CONFIG` naming the option. */
export function parseMessengerOptions(input: unknown): ResolvedMessengerOptions {
  return parseMetaOptions(messengerOptionsSchema, input, {
    channel: 'messenger',
    factory: 'messenger',
    env: MESSENGER_ENV,
  });
}
