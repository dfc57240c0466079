import type { ChannelId } from '@loket/core';
import type { EmulatorChannel, EmulatorContext, EmulatorReply, EmulatorRequest } from '../emulator-channel.js';
import { graphPath, metaWebhookBasics } from '../graph/meta-webhook-basics.js';
import { newNumericId } from '../ids.js';
import { acceptMessagingSend } from './messaging-send.js';

const THREAD_CONTROL = new Set(['pass_thread_control', 'take_thread_control', 'request_thread_control']);

/** A Send API body (WhatsApp's carry `messaging_product`, these a `recipient`). */
const isSendBody = (json: unknown): boolean =>
  typeof json === 'object' && json !== null && 'recipient' in json && !('messaging_product' in json);

/** Whether this module answers for `account`: Instagram for accounts its customers registered, Messenger else. */
function owns(channel: ChannelId, ctx: EmulatorContext, account: string): boolean {
  return (ctx.accounts.get(account) ?? 'messenger') === channel;
}

function route(
  channel: ChannelId,
  req: EmulatorRequest,
  ctx: EmulatorContext,
  parts: string[],
): EmulatorReply | undefined {
  const [, account = '', edge = ''] = parts;
  if (req.method !== 'POST' || parts.length !== 3 || !owns(channel, ctx, account)) return undefined;
  if (edge === 'messages' && isSendBody(req.json)) return acceptMessagingSend(channel, req, ctx, account);
  // Attachment Upload API: any multipart body gets a reusable id.
  if (edge === 'message_attachments') return { status: 200, json: { attachment_id: newNumericId() } };
  if (THREAD_CONTROL.has(edge)) return { status: 200, json: { success: true } };
  return undefined;
}

/**
 * The Messenger or Instagram Send API: messages and sender actions (validated roughly like the platform), attachment
 * upload and thread control. With `autoStatuses`, accepted messages get delivery / read webhooks (Instagram: seen).
 */
export function messagingEmulator(channel: 'messenger' | 'instagram'): EmulatorChannel {
  return {
    channel,
    ...metaWebhookBasics,
    async handle(req, ctx) {
      const path = graphPath(req, ctx);
      if (!path) return undefined;
      const reply = route(channel, req, ctx, path.parts);
      return reply && (path.problem ?? reply);
    },
  };
}
