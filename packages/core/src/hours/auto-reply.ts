import { type Logger, safeLogger } from '../logger.js';
import type { Content } from '../model/content.js';
import type { MessageEvent } from '../model/events.js';
import type { OutboundMessage, SendReceipt } from '../model/outbound.js';
import type { Store } from '../store/store.js';
import type { BusinessHours } from './business-hours.js';
import { formatOpening } from './format-opening.js';

/** Options of {@link createAutoReply}. */
export interface AutoReplyOptions {
  hours: BusinessHours;
  /** The language `nextOpenText` is written in (a BCP 47 tag: `en`, `nl`, `en-GB`). Default `en`. */
  locale?: string;
  /** The answer while closed; `nextOpen` and `nextOpenText` are undefined when no opening is in sight. */
  content: (info: AutoReplyInfo) => Content;
}

/** What the auto-reply's `content` callback gets. */
export interface AutoReplyInfo {
  /** The next opening, as a moment. */
  nextOpen?: Date;
  /** The next opening written for the customer, in the hours' time zone and `locale`: `Monday, March 30 at 9:00 AM`. */
  nextOpenText?: string;
  event: MessageEvent;
}

/** What the auto-reply needs from the gateway. */
export interface AutoReplyDeps {
  store: Store;
  /** Sends the answer; `period` names the closed period it answers (for the record). */
  send: (message: OutboundMessage, info: { period: string }) => Promise<SendReceipt>;
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
 *   { hours, locale: 'nl', content: ({ nextOpenText }) => ({ type: 'text', text: `We zijn gesloten; terug op ${nextOpenText ?? 'korte termijn'}.` }) },
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
      const opening =
        next === undefined
          ? {}
          : { nextOpen: new Date(next), nextOpenText: formatOpening(next, options.hours.timeZone, options.locale) };
      const content = options.content({ ...opening, event });
      try {
        await deps.send({ to: event.conversation, content }, { period });
      } catch (err) {
        logger.error({ err, conversation: event.conversation, period }, '[loket] [hours] auto-reply was not sent');
      }
    },
  };
}
