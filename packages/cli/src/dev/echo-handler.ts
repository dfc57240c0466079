import type { Gateway } from '@loket/core';
import { type RecordEvent, sendRecorded } from './recorder.js';
import type { Timeline } from './timeline.js';

/**
 * The dev server's demo behaviour: every customer message on an emulated channel gets `Echo: <text>`. Never on a
 * real channel (real customers must not get test replies). A refused echo (a closed window) goes on the timeline
 * with its LoketError rather than failing the handler, so it is not retried. The echo is the bot: it stops once a
 * human takes the conversation over.
 */
export function registerEcho(
  gateway: Gateway,
  timeline: Timeline,
  emulated: ReadonlySet<string>,
  record: RecordEvent,
): void {
  gateway.on(
    'message',
    async (event, ctx) => {
      if (!emulated.has(event.channel)) return;
      record(event);
      const what = event.content.type === 'text' ? event.content.text : `your ${event.content.type}`;
      await sendRecorded((m) => ctx.send(m), timeline, {
        to: event.conversation,
        content: { type: 'text', text: `Echo: ${what}` },
        // Quote the customer's message where the channel can (Instagram cannot: the send would be refused).
        ...(gateway.adapters.get(event.channel)?.capabilities.replyTo ? { replyTo: event.messageId } : {}),
      });
    },
    { when: 'bot' },
  );
}
