import { randomInt } from 'node:crypto';
import type { EmulatorContext } from '../emulator-channel.js';
import { type XEnvelope, xDelivery, xUsers } from './x-webhooks.js';

/** Who writes to whom on X. */
export interface XCustomerOptions {
  /** The subscribed business account (X user id). */
  account: string;
  /** The customer's X user id. */
  user: string;
  name?: string;
  /** Which webhook envelope to deliver (default: the emulator's, `aaa`). */
  envelope?: XEnvelope;
}

/** A simulated X user writing DMs. Every method fires one signed webhook and resolves with the HTTP status. */
export interface XCustomer {
  readonly user: string;
  /** The event id of the last DM this customer sent. */
  readonly lastMessageId: string | undefined;
  say(text: string, options?: { at?: number; id?: string }): Promise<number>;
  /** Picks a quick-reply option (its `metadata`), showing `label` as the text. */
  quickReply(metadata: string, label: string): Promise<number>;
  typing(): Promise<number>;
  /** Marks the business's DMs read up to `eventId`. */
  read(eventId: string): Promise<number>;
}

const eventId = () => `18${Array.from({ length: 17 }, () => randomInt(0, 10)).join('')}`;

/** Builds an X customer whose webhooks go through the emulator's signed delivery. */
export function xCustomer(ctx: EmulatorContext, parties: XCustomerOptions, fallback: XEnvelope): XCustomer {
  const envelope = parties.envelope ?? fallback;
  let lastMessageId: string | undefined;
  const users = () =>
    xUsers(envelope, [{ id: parties.user, ...(parties.name ? { name: parties.name } : {}) }, { id: parties.account }]);
  const deliver = (kind: string, activity: Record<string, unknown>) =>
    ctx.deliver('twitter-dm', kind, xDelivery(envelope, parties.account, { ...activity, users: users() }));
  const signal = (at: number) => ({
    created_timestamp: String(at),
    sender_id: parties.user,
    target: { recipient_id: parties.account },
  });
  const message = (data: Record<string, unknown>, options: { at?: number; id?: string } = {}) => {
    const id = options.id ?? eventId();
    lastMessageId = id;
    const event = {
      type: 'message_create',
      id,
      created_timestamp: String(options.at ?? ctx.now()),
      message_create: {
        target: { recipient_id: parties.account },
        sender_id: parties.user,
        message_data: { entities: {}, ...data },
      },
    };
    return deliver('message', { direct_message_events: [event] });
  };
  return {
    user: parties.user,
    get lastMessageId() {
      return lastMessageId;
    },
    say: (text, options) => message({ text }, options),
    quickReply: (metadata, label) => message({ text: label, quick_reply_response: { type: 'options', metadata } }),
    typing: () => deliver('typing', { direct_message_indicate_typing_events: [signal(ctx.now())] }),
    read: (upTo) =>
      deliver('read', { direct_message_mark_read_events: [{ ...signal(ctx.now()), last_read_event_id: upTo }] }),
  };
}
