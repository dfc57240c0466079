import type { ConversationRef } from '@loket/core';
import { LoketError, loketMessage } from '@loket/core';
import { createEmulator, type Emulator } from '@loket/testing/kit';
import { describeGatewayStatus } from '../channels/gateway-status.js';
import { knownChannel, knownChannelNames } from '../channels/known-channels.js';
import { simulateWebchat } from './simulate-webchat.js';

/** What the simulated customer writes. */
export interface SimulateInput {
  channel: string;
  text: string;
  /** The customer's id (default: the channel's dev user). */
  from?: string;
  /** Their profile name (WhatsApp). */
  name?: string;
  /** The business account (default: the channel's dev account). */
  account?: string;
  /** When the customer wrote, ms (default now). An old time shows a closed window. */
  at?: number;
}

/** Where it goes and how it is signed. */
export interface SimulateTarget {
  /** The gateway's base URL; the webhook goes to `<url>/webhooks/<channel>`. */
  gatewayUrl: string;
  /** The app secret the gateway verifies with. */
  secret: string;
  /** An emulator already signing with `secret` (the dev server's); otherwise a short-lived one is started. */
  emulator?: Emulator;
}

/** What happened. */
export interface SimulateResult {
  conversation: ConversationRef;
  messageId: string;
  url: string;
  /** The gateway's HTTP status (0 when unreachable). */
  status: number;
  ok: boolean;
  verdict: string;
}

/**
 * Fires a correctly signed webhook of the channel's real shape (serialized and signed as the platform does) at a
 * gateway, as if a customer had written `text`.
 *
 * @example
 * const result = await simulateMessage({ channel: 'whatsapp', text: 'hello' }, { gatewayUrl: 'http://localhost:3000', secret });
 * console.log(result.status, result.verdict); // 200 acknowledged: ...
 */
export async function simulateMessage(input: SimulateInput, target: SimulateTarget): Promise<SimulateResult> {
  // The web chat has no platform webhook: its customer speaks the web chat protocol instead.
  if (input.channel === 'webchat') return simulateWebchat(input, target.gatewayUrl);
  const known = knownChannel(input.channel);
  if (!known) {
    throw new LoketError(
      'CONFIG',
      loketMessage('cli', `unknown channel "${input.channel}": use one of ${knownChannelNames()}`),
    );
  }
  const conversation: ConversationRef = {
    channel: known.channel,
    account: input.account ?? known.devAccount,
    user: input.from ?? known.devUser,
  };
  const emulator = target.emulator ?? (await createEmulator({ appSecret: target.secret }));
  const previousUrl = emulator.gatewayUrl;
  emulator.gatewayUrl = target.gatewayUrl;
  const at = input.at ?? Date.now();
  try {
    // The emulator's customers build each platform's real body, so `simulate` and the emulator never drift apart.
    const customer = emulatorCustomer(emulator, known.channel, conversation, input.name);
    const status = await customer.say(input.text, { at });
    const messageId = customer.lastMessageId ?? '';
    const url = `${target.gatewayUrl.replace(/\/$/, '')}/webhooks/${known.channel}`;
    return { conversation, messageId, url, status, ...verdict(status, known.channel) };
  } catch (err) {
    if (LoketError.is(err) && err.code === 'NETWORK') {
      const url = `${target.gatewayUrl.replace(/\/$/, '')}/webhooks/${known.channel}`;
      return { conversation, messageId: '', url, status: 0, ...verdict(0, known.channel) };
    }
    throw err;
  } finally {
    if (target.emulator) emulator.gatewayUrl = previousUrl;
    else await emulator.close();
  }
}

interface Customer {
  say(text: string, options: { at: number }): Promise<number>;
  readonly lastMessageId: string | undefined;
}

function emulatorCustomer(emulator: Emulator, channel: string, to: ConversationRef, name?: string): Customer {
  const parties = { account: to.account, user: to.user };
  if (channel === 'whatsapp') return emulator.customer({ phoneNumberId: to.account, waId: to.user, name });
  if (channel === 'twitter-dm') return emulator.xCustomer({ ...parties, name });
  if (channel === 'instagram') return emulator.instagramCustomer(parties);
  return emulator.messengerCustomer(parties);
}

function verdict(status: number, channel: string): { ok: boolean; verdict: string } {
  const { ok, text } = describeGatewayStatus(status, channel);
  return { ok, verdict: text };
}
