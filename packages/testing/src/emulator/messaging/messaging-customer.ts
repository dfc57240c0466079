import { randomBytes } from 'node:crypto';
import type { EmulatorContext } from '../emulator-channel.js';
import { messagingEnvelope, messagingItem } from './messaging-webhooks.js';

/** Who writes to whom on Messenger or Instagram. */
export interface MessagingCustomerOptions {
  /** Page id (Messenger) or Instagram professional account id. */
  account: string;
  /** The customer's PSID / IGSID. */
  user: string;
}

/** Per-event options. */
export interface MessagingEventOptions {
  /** The message id (default: a fresh one). */
  mid?: string;
  /** When it happened, ms (default: the emulator's clock). */
  at?: number;
}

/** A simulated Messenger or Instagram user. Every method fires one signed webhook and resolves with the HTTP status. */
export interface MessagingCustomer {
  readonly user: string;
  /** The mid of the last message this customer sent. */
  readonly lastMessageId: string | undefined;
  say(text: string, options?: MessagingEventOptions): Promise<number>;
  /** Taps a quick reply. */
  quickReply(payload: string, title: string, options?: MessagingEventOptions): Promise<number>;
  /** Taps a postback button (button template, generic template, Get Started, ice breaker). */
  postback(payload: string, title: string, options?: MessagingEventOptions): Promise<number>;
  react(mid: string, emoji: string | null, options?: MessagingEventOptions): Promise<number>;
  /** Any `messaging[]` payload: `{ message: {...} }`, `{ referral: {...} }`; sender, recipient and time are filled in. */
  send(payload: Record<string, unknown>, options?: MessagingEventOptions): Promise<number>;
}

/** Builds a Messenger or Instagram customer whose webhooks go through the emulator's signed delivery. */
export function messagingCustomer(
  ctx: EmulatorContext,
  channel: 'messenger' | 'instagram',
  parties: MessagingCustomerOptions,
): MessagingCustomer {
  ctx.accounts.set(parties.account, channel);
  let lastMessageId: string | undefined;
  const send = (payload: Record<string, unknown>, options: MessagingEventOptions = {}): Promise<number> => {
    const at = options.at ?? ctx.now();
    const body = messagingEnvelope(channel, parties.account, messagingItem(parties, payload, at), at);
    return ctx.deliver(channel, Object.keys(payload)[0] ?? 'custom', body);
  };
  const message = (fields: Record<string, unknown>, options: MessagingEventOptions = {}): Promise<number> => {
    const mid = options.mid ?? `m_${randomBytes(24).toString('base64url')}`;
    lastMessageId = mid;
    return send({ message: { mid, ...fields } }, options);
  };
  return {
    user: parties.user,
    get lastMessageId() {
      return lastMessageId;
    },
    send,
    say: (text, options) => message({ text }, options),
    quickReply: (payload, title, options) => message({ text: title, quick_reply: { payload } }, options),
    postback: (payload, title, options) => send({ postback: { title, payload } }, options),
    react: (mid, emoji, options) =>
      send({ reaction: emoji === null ? { mid, action: 'unreact' } : { mid, action: 'react', emoji } }, options),
  };
}
