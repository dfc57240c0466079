import type { Logger } from '../logger.js';
import type { InboundEvent } from '../model/events.js';
import type { OutboundMessage, SendOptions, SendReceipt } from '../model/outbound.js';
import type { HandlerContext } from './gateway-types.js';

type Send = (message: OutboundMessage, options?: SendOptions) => Promise<SendReceipt>;

function withFields(logger: Logger, fields: Record<string, unknown>): Logger {
  const wrap =
    (level: keyof Logger) =>
    (obj: Record<string, unknown>, msg?: string): void =>
      logger[level]({ ...fields, ...obj }, msg);
  return { debug: wrap('debug'), info: wrap('info'), warn: wrap('warn'), error: wrap('error') };
}

/** The `ctx` a handler gets for one try of one event. */
export function createHandlerContext(event: InboundEvent, attempt: number, send: Send, logger: Logger): HandlerContext {
  const conversation = event.conversation;
  // What a handler sends is the bot's unless it says otherwise.
  const asBot = (message: OutboundMessage): OutboundMessage =>
    message.author ? message : { ...message, author: { kind: 'bot' } };
  return {
    reply: (content, options = {}) => {
      const { replyTo, tag, ...sendOptions } = options;
      const message: OutboundMessage = { to: conversation, content, author: { kind: 'bot' } };
      if (replyTo !== undefined) message.replyTo = replyTo;
      if (tag !== undefined) message.tag = tag;
      return send(message, sendOptions);
    },
    send: (message, options) => send(asBot(message), options),
    conversation,
    attempt,
    logger: withFields(logger, { channel: event.channel, eventId: event.id, eventType: event.type }),
  };
}
