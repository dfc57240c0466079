import type {
  ConversationRef,
  Gateway,
  InboundEvent,
  Logger,
  OutboundMessage,
  SendOptions,
  SendReceipt,
} from '@loket/core';
import { LoketError } from '@loket/core';
import type { Emulator, SentMessage } from '@loket/testing/kit';
import { describeContent, describeEvent, describeSentBody } from './describe-event.js';
import type { Timeline } from './timeline.js';

/** The outcome of a send the console or the echo asked for. */
export type SendOutcome = { ok: true; receipt: SendReceipt } | { ok: false; error: { code: string; message: string } };

/** Puts an inbound event on the timeline once (by event id), with its raw platform fragment. */
export type RecordEvent = (event: InboundEvent) => void;

/**
 * Records every inbound event (messages, statuses, ...). `'*'` handlers run last, so a handler that answers first
 * (the echo) calls the returned function itself to keep the timeline in order; the id makes the second call a no-op.
 */
export function recordEvents(gateway: Gateway, timeline: Timeline): RecordEvent {
  const recorded = new Set<string>();
  const record: RecordEvent = (event) => {
    if (recorded.has(event.id)) return;
    recorded.add(event.id);
    const { raw, ...normalized } = event;
    timeline.add({
      kind: event.type === 'status' ? 'status' : 'inbound',
      channel: event.channel,
      conversation: event.conversation,
      title: describeEvent(event),
      messageId: 'messageId' in event ? event.messageId : undefined,
      data: normalized,
      raw,
    });
  };
  gateway.on('*', record);
  return record;
}

/** What the emulated platform accepted: the message exactly as its API received it. */
export function recordEmulatorSends(emulator: Emulator, timeline: Timeline): void {
  emulator.on('sent', (sent: SentMessage) => {
    const conversation: ConversationRef = {
      channel: sent.channel,
      account: sent.account,
      user: sent.to.replace(/^\+/, ''),
    };
    timeline.add({
      kind: 'sent',
      channel: sent.channel,
      conversation,
      title: describeSentBody(sent.type, sent.body),
      messageId: sent.id,
      data: sent.body,
    });
  });
}

/**
 * Puts every send the gateway makes (handlers' `ctx.reply` included) on the timeline, from `gateway.observe`, so
 * sends to a real platform reach it too. The emulator reports its sends (with the body) before the adapter
 * returns; real platforms do not, so only sends the timeline has not seen yet are added.
 */
export function recordSends(gateway: Gateway, timeline: Timeline): () => void {
  return gateway.observe((signal) => {
    if (signal.type !== 'send.accepted' || timeline.has('sent', signal.messageId)) return;
    const { conversation, messageId } = signal;
    timeline.add({
      kind: 'sent',
      channel: conversation.channel,
      conversation,
      title: `message ${messageId}`,
      messageId,
    });
  });
}

/** Sends through the gateway and puts a refusal (its LoketError) on the timeline instead of throwing. */
export async function sendRecorded(
  send: (message: OutboundMessage, options?: SendOptions) => Promise<SendReceipt>,
  timeline: Timeline,
  message: OutboundMessage,
  options?: SendOptions,
): Promise<SendOutcome> {
  try {
    return { ok: true, receipt: await send(message, options) };
  } catch (err) {
    const error = LoketError.is(err)
      ? { code: err.code, message: err.message }
      : { code: 'PLATFORM_ERROR', message: err instanceof Error ? err.message : String(err) };
    timeline.add({
      kind: 'refused',
      channel: message.to.channel,
      conversation: message.to,
      title: `${error.code}: ${describeContent(message.content)} not sent`,
      data: message,
      error,
    });
    return { ok: false, error };
  }
}

/** A Logger that puts the gateway's warnings and errors on the timeline (and prints nothing itself). */
export function timelineLogger(timeline: Timeline): Logger {
  const add = (level: string) => (obj: Record<string, unknown>, msg?: string) => {
    const channel = typeof obj.channel === 'string' ? obj.channel : undefined;
    timeline.add({ kind: 'log', channel, title: `${level}: ${msg ?? ''}`.trim(), data: obj });
  };
  const noop = (): void => {};
  return { debug: noop, info: noop, warn: add('warn'), error: add('error') };
}
