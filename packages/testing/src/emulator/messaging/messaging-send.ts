import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChannelId } from '@loket/core';
import type { EmulatorContext, EmulatorReply, EmulatorRequest } from '../emulator-channel.js';
import type { SentMessage } from '../emulator-types.js';
import { graphReply } from '../graph/meta-webhook-basics.js';
import { messagingSendProblem } from './messaging-validate.js';
import { messagingEnvelope, messagingItem } from './messaging-webhooks.js';

type Json = Record<string, unknown>;

/** What kind of message a Send API body is: the sender action, `template:<type>`, the attachment type, or text. */
function kindOf(body: Json): string {
  if (typeof body.sender_action === 'string') return body.sender_action;
  const message = body.message as Json;
  const attachment = message.attachment as Json | undefined;
  if (attachment?.type === 'template')
    return `template:${String((attachment.payload as Json | undefined)?.template_type)}`;
  if (attachment) return String(attachment.type);
  return message.quick_replies ? 'quick_replies' : 'text';
}

/** Messenger reports delivery then read (watermarks); Instagram only `messaging_seen` for the message. */
function scheduleReceipts(ctx: EmulatorContext, sent: SentMessage): void {
  const delay = ctx.statusDelayMs;
  if (delay === undefined) return;
  const parties = { account: sent.account, user: sent.to };
  const steps: Array<[string, (at: number) => Json]> =
    sent.channel === 'instagram'
      ? [['read', () => ({ read: { mid: sent.id } })]]
      : [
          ['delivery', (at) => ({ delivery: { mids: [sent.id], watermark: at } })],
          ['read', (at) => ({ read: { watermark: at } })],
        ];
  ctx.background(async () => {
    for (const [kind, payload] of steps) {
      await sleep(delay);
      const at = ctx.now();
      await ctx.deliver(
        sent.channel,
        kind,
        messagingEnvelope(sent.channel, sent.account, messagingItem(parties, payload(at), at), at),
      );
    }
  });
}

/** `POST /<version>/<account>/messages`: accepts a message or a sender action like the Send API. */
export function acceptMessagingSend(
  channel: ChannelId,
  req: EmulatorRequest,
  ctx: EmulatorContext,
  account: string,
): EmulatorReply {
  const problem = messagingSendProblem(channel, req.json);
  if (problem) return graphReply(100, problem, `(#100) ${problem}`);
  const body = req.json as Json;
  const to = String((body.recipient as Json).id);
  if (body.sender_action !== undefined) return { status: 200, json: { recipient_id: to } };
  const id = `m_${randomBytes(24).toString('base64url')}`;
  const sent: SentMessage = { channel, id, account, to, type: kindOf(body), body, at: ctx.now() };
  ctx.recordSent(sent);
  scheduleReceipts(ctx, sent);
  return { status: 200, json: { recipient_id: to, message_id: id } };
}
