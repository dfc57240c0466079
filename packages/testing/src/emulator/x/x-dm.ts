import { z } from 'zod';
import type { EmulatorContext, EmulatorReply, EmulatorRequest } from '../emulator-channel.js';
import { newNumericId } from '../ids.js';
import type { XCaller } from './x-auth.js';
import { xCodeError, xProblem } from './x-errors.js';
import type { XState } from './x-state.js';
import { type XEnvelope, xDelivery } from './x-webhooks.js';

const dmBodySchema = z.object({
  text: z.string().optional(),
  attachments: z
    .array(z.object({ media_id: z.string().min(1) }))
    .max(1)
    .optional(),
});
const MAX_TEXT = 10_000;

/** What accepting a DM needs beyond the request. */
export interface XDmDeps {
  state: XState;
  /** With autoStatuses: X delivers what the app sent back to it as an echo (`sender_id === for_user_id`). */
  echoes: boolean;
  envelope: XEnvelope;
}

/**
 * `POST /2/dm_conversations/with/:participant_id/messages`: validated like X (text or one attachment, 10,000
 * characters, a blocked recipient gets 349), recorded, answered `201 {data:{dm_conversation_id, dm_event_id}}`.
 */
export function acceptDm(
  req: EmulatorRequest,
  ctx: EmulatorContext,
  caller: XCaller,
  user: string,
  deps: XDmDeps,
): EmulatorReply {
  const parsed = dmBodySchema.safeParse(req.json);
  if (!parsed.success || (!parsed.data.text && !parsed.data.attachments?.length)) {
    return xProblem(400, 'Invalid Request', 'One of text or attachments is required.');
  }
  const { text, attachments } = parsed.data;
  if (text && [...text].length > MAX_TEXT)
    return xCodeError(403, 354, 'The text of your direct message is over the max character limit.');
  if (deps.state.blocked.has(user)) return xCodeError(403, 349, 'You cannot send messages to this user.');
  const mediaId = attachments?.[0]?.media_id;
  if (mediaId && !deps.state.uploads.get(mediaId)?.finalized) {
    return xProblem(400, 'Invalid Request', `media_id ${mediaId} was not uploaded (or not finalized).`);
  }
  const id = newNumericId();
  const at = ctx.now();
  const body = req.json as Record<string, unknown>;
  ctx.recordSent({
    channel: 'twitter-dm',
    id,
    account: caller.account,
    to: user,
    type: mediaId ? 'media' : 'text',
    body,
    at,
  });
  if (deps.echoes && caller.account !== '*') {
    const event = {
      type: 'message_create',
      id,
      created_timestamp: String(at),
      message_create: {
        target: { recipient_id: user },
        sender_id: caller.account,
        message_data: { text: text ?? '', entities: {} },
      },
    };
    const delivery = xDelivery(deps.envelope, caller.account, { direct_message_events: [event] }, { sent: true });
    ctx.background(() => ctx.deliver('twitter-dm', 'echo', delivery));
  }
  const conversation = [caller.account, user].sort().join('-');
  return { status: 201, json: { data: { dm_conversation_id: conversation, dm_event_id: id } } };
}

/** v1.1 `events/new` (quick replies): answered with the event X created. */
export function acceptEventsNew(
  req: EmulatorRequest,
  ctx: EmulatorContext,
  caller: XCaller,
  state: XState,
): EmulatorReply {
  const event = (req.json as { event?: { message_create?: { target?: { recipient_id?: string } } } } | undefined)
    ?.event;
  const user = event?.message_create?.target?.recipient_id;
  if (!user) return xCodeError(400, 214, 'event.message_create.target.recipient_id is required.');
  if (state.blocked.has(user)) return xCodeError(403, 349, 'You cannot send messages to this user.');
  const id = newNumericId();
  const at = ctx.now();
  ctx.recordSent({
    channel: 'twitter-dm',
    id,
    account: caller.account,
    to: user,
    type: 'quick_reply',
    body: req.json as Record<string, unknown>,
    at,
  });
  return { status: 200, json: { event: { type: 'message_create', id, created_timestamp: String(at), ...event } } };
}
