import type { ChannelAdapter, ChannelId, ConversationRef, Transport } from '@loket/core';
import { LoketError, loketMessage } from '@loket/core';
import { z } from 'zod';

/** Meta's Page inbox app: pass a thread to it to hand the conversation to people in Meta Business Suite. */
export const PAGE_INBOX_APP_ID = '263902037430900';

const successSchema = z.object({ success: z.literal(true) }).loose();

/** The handover protocol (PLATFORM_RULES 2.4): who owns a thread, and how to hand it over and back. */
export interface ThreadControl {
  /** Hands the thread to another app (default: the Page inbox, i.e. a human agent). */
  pass(to: ConversationRef, options?: { targetAppId?: string; metadata?: string }): Promise<void>;
  /** Takes the thread back (the primary receiver only). */
  take(to: ConversationRef, options?: { metadata?: string }): Promise<void>;
  /** Asks the primary receiver for the thread (a secondary receiver). */
  request(to: ConversationRef, options?: { metadata?: string }): Promise<void>;
}

/**
 * Thread-control calls over the adapter's Graph transport: `POST /<account>/{pass,take,request}_thread_control`
 * (the Page id on Messenger, the account id on Instagram).
 */
export function createThreadControl(graph: Transport, channel: ChannelId = 'messenger'): ThreadControl {
  const call = async (edge: string, to: ConversationRef, extra: Record<string, unknown>): Promise<void> => {
    const json = { recipient: { id: to.user }, ...extra };
    const res = await graph.request({ method: 'POST', path: `/${to.account}/${edge}`, json });
    if (!successSchema.safeParse(res.body).success) {
      throw new LoketError('PLATFORM_ERROR', loketMessage(channel, `${edge} answered without success: true`), {
        channel,
        details: { body: res.body },
      });
    }
  };
  const meta = (metadata?: string) => (metadata === undefined ? {} : { metadata });
  return {
    pass: (to, o = {}) =>
      call('pass_thread_control', to, { target_app_id: o.targetAppId ?? PAGE_INBOX_APP_ID, ...meta(o.metadata) }),
    take: (to, o = {}) => call('take_thread_control', to, meta(o.metadata)),
    request: (to, o = {}) => call('request_thread_control', to, meta(o.metadata)),
  };
}

/**
 * The channel-neutral `handover` of a ChannelAdapter over thread control: a human takes over → pass the thread to
 * `targetAppId` (default the Page inbox); back to the bot → take it back. The reason travels as metadata.
 */
export function threadControlHandover(
  control: ThreadControl,
  targetAppId?: string,
): NonNullable<ChannelAdapter['handover']> {
  return (ref, change) => {
    const metadata = change.reason === undefined ? {} : { metadata: change.reason };
    return change.to === 'human'
      ? control.pass(ref, { ...metadata, ...(targetAppId !== undefined && { targetAppId }) })
      : control.take(ref, metadata);
  };
}
