import type { Capabilities } from '../model/capabilities.js';
import type { InboundEvent, MessageEvent } from '../model/events.js';
import { matchNumberedChoice } from '../content/numbered-choice.js';
import { logOnce } from '../call-adapter.js';
import type { InboxWorkerOptions } from './worker-types.js';

type Deps = Pick<InboxWorkerOptions, 'store' | 'policy' | 'autoReply' | 'logger' | 'record'>;

/** A numbered text answer to an open menu comes back as the `choice` it stands for, and closes the menu. */
async function mapNumberedAnswer(event: MessageEvent, deps: Deps): Promise<MessageEvent> {
  if (event.content.type !== 'text') return event;
  const state = await deps.store.conversations.get(event.conversation);
  if (!state?.pendingChoices) return event;
  const picked = matchNumberedChoice(event.content.text, state.pendingChoices);
  if (!picked) return event;
  await deps.store.conversations.setPendingChoices(event.conversation, undefined);
  return {
    ...event,
    content: { type: 'choice', id: picked.id, title: picked.title },
    meta: { ...event.meta, numbered: true, text: event.content.text },
  };
}

/**
 * What happens once per event before the handlers: numbered answers, policy bookkeeping (window, consent,
 * statuses), the conversation log and the auto-reply. Answers the event the handlers get, or undefined when
 * the policy says not to deliver it (a status that does not move forward).
 */
export async function beforeHandlers(
  event: InboundEvent,
  capabilities: Capabilities,
  deps: Deps,
): Promise<InboundEvent | undefined> {
  const delivered = event.type === 'message' ? await mapNumberedAnswer(event, deps) : event;
  const { deliver } = await deps.policy.observe(event, capabilities);
  if (!deliver) return undefined;
  // The record keeps what the customer sent (a numbered answer stays "2"); `raw` stays in the inbox, not the log.
  await deps.record?.(event);
  if (deps.autoReply && event.type === 'message') {
    try {
      await deps.autoReply.onMessage(event);
    } catch (err) {
      // The customer's message still reaches the handlers when the auto-reply cannot be sent.
      logOnce(deps.logger, 'warn', err, 'business-hours auto-reply failed', {
        eventId: event.id,
        channel: event.channel,
      });
    }
  }
  return delivered;
}
