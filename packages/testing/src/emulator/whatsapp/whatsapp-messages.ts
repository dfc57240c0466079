import { setTimeout as sleep } from 'node:timers/promises';
import type { EmulatorContext, EmulatorReply, EmulatorRequest, PendingFailure } from '../emulator-channel.js';
import type { SentMessage } from '../emulator-types.js';
import { graphError } from '../graph/graph-error.js';
import { newWamid } from '../ids.js';
import { whatsappSendProblem } from './whatsapp-validate.js';
import { type StatusInit, statusValue, whatsappEnvelope } from './whatsapp-webhooks.js';

const DEFAULT_FAILURE_DELAY_MS = 25;

function statusSteps(sent: SentMessage, failure: PendingFailure | undefined): StatusInit['status'][] {
  if (failure) return ['failed'];
  // A reaction the business sends only ever gets `sent` (PLATFORM_RULES §1.4).
  return sent.type === 'reaction' ? ['sent'] : ['sent', 'delivered', 'read'];
}

/** Fires the status webhooks of an accepted message in order: sent → delivered → read, or one `failed`. */
function scheduleStatuses(ctx: EmulatorContext, sent: SentMessage, failure: PendingFailure | undefined): void {
  if (!failure && ctx.statusDelayMs === undefined) return;
  const delay = ctx.statusDelayMs ?? DEFAULT_FAILURE_DELAY_MS;
  const category = sent.type === 'template' ? 'marketing' : 'service';
  ctx.background(async () => {
    for (const status of statusSteps(sent, failure)) {
      await sleep(delay);
      const value = statusValue({ id: sent.id, status, recipient: sent.to, at: ctx.now(), category, error: failure });
      await ctx.deliver('whatsapp', `status:${status}`, whatsappEnvelope({ phoneNumberId: sent.account }, value));
    }
  });
}

/** `POST /<version>/<phone_number_id>/messages`: accepts a message (or a read / typing mark) like the Cloud API. */
export function acceptMessage(req: EmulatorRequest, ctx: EmulatorContext, phoneNumberId: string): EmulatorReply {
  const problem = whatsappSendProblem(req.json);
  if (problem) {
    const { status, body } = graphError({ code: 100, details: problem });
    return { status, json: body };
  }
  const body = req.json as Record<string, unknown>;
  if (body.status === 'read') return { status: 200, json: { success: true } };
  const to = String(body.to);
  const type = typeof body.type === 'string' ? body.type : 'text';
  const sent: SentMessage = {
    channel: 'whatsapp',
    id: newWamid(),
    account: phoneNumberId,
    to,
    type,
    body,
    at: ctx.now(),
  };
  ctx.recordSent(sent);
  scheduleStatuses(ctx, sent, ctx.takeFailure());
  const message = type === 'template' ? { id: sent.id, message_status: 'accepted' } : { id: sent.id };
  return {
    status: 200,
    json: {
      messaging_product: 'whatsapp',
      contacts: [{ input: to, wa_id: to.replace(/\D/g, '') }],
      messages: [message],
    },
  };
}
