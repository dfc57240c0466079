import { type Logger, safeLogger } from '../logger.js';
import type { Content } from '../model/content.js';
import type { MessageEvent } from '../model/events.js';
import type { OutboundMessage, SendReceipt } from '../model/outbound.js';
import type { Store } from '../store/store.js';
import type { BusinessHours } from './business-hours.js';

/** Options of {@link createAutoReply}. */
export interface AutoReplyOptions {
  hours: BusinessHours;
  /** The answer while closed; `nextOpen` is undefined when no opening is in sight. */
  content: (info: { nextOpen?: Date; event: MessageEvent }) => Content;
}

/** What the auto-reply needs from the gateway. */
export interface AutoReplyDeps {
  store: Store;
  send: (message: OutboundMessage) => Promise<SendReceipt>;
  logger: Logger;
  now?: () => number;
}

/**
 * Answers customers who write while the business is closed, at most once per closed period per conversation
 * (the store remembers the period it answered in). A failed send is logged, never thrown: the customer's own
 * message is still handled.
 *
 * @example
 * const closed = createAutoReply(
 *   { hours, content: ({ nextOpen }) => ({ type: 'text', text: `We are closed; back ${nextOpen?.toLocaleString('nl-NL') ?? 'soon'}.` }) },
 *   { store, send: (m) => gateway.send(m), logger },
 * );
 * gateway.on('message', (event) => closed.onMessage(event));
 */
export function createAutoReply(
  options: AutoReplyOptions,
  deps: AutoReplyDeps,
): { onMessage(event: MessageEvent): Promise<void> } {
  const now = deps.now ?? Date.now;
  const logger = safeLogger(deps.logger);
  return {
    async onMessage(event) {
      const at = now();
      const period = options.hours.closedPeriod(at);
      if (period === undefined) return;
      if (!(await deps.store.conversations.markAutoReply(event.conversation, period))) return;
      const next = options.hours.nextOpen(at);
      const content = options.content({ ...(next === undefined ? {} : { nextOpen: new Date(next) }), event });
      try {
        await deps.send({ to: event.conversation, content, author: { kind: 'system' } });
      } catch (err) {
        logger.error({ err, conversation: event.conversation, period }, '[loket] [hours] auto-reply was not sent');
      }
    },
  };
}
