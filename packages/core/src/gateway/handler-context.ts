import type { Logger } from '../logger.js';
import type { InboundEvent } from '../model/events.js';
import {
  type OutboundMessage,
  type SendOptions,
  type SendReceipt,
  toContent,
  toOutboundMessage,
} from '../model/outbound.js';
import type { Controller } from '../record/record-entries.js';
import type { HandlerContext } from './gateway-types.js';

type Send = (message: OutboundMessage, options?: SendOptions) => Promise<SendReceipt>;

/** A handler's sends are the bot's unless it says otherwise (in the options or on the message). */
const asBot = (options: SendOptions = {}, message?: OutboundMessage): SendOptions =>
  options.author || message?.author ? options : { ...options, author: { kind: 'bot' } };

function withFields(logger: Logger, fields: Record<string, unknown>): Logger {
  const wrap =
    (level: keyof Logger) =>
    (obj: Record<string, unknown>, msg?: string): void =>
      logger[level]({ ...fields, ...obj }, msg);
  return { debug: wrap('debug'), info: wrap('info'), warn: wrap('warn'), error: wrap('error') };
}

/** The `ctx` a handler gets for one try of one event. */
export function createHandlerContext(
  event: InboundEvent,
  attempt: number,
  send: Send,
  logger: Logger,
  controller: Controller = 'bot',
): HandlerContext {
  const conversation = event.conversation;
  return {
    reply: (content, options = {}) => {
      const { replyTo, tag, ...sendOptions } = options;
      const message: OutboundMessage = { to: conversation, content: toContent(content) };
      if (replyTo !== undefined) message.replyTo = replyTo;
      if (tag !== undefined) message.tag = tag;
      return send(message, asBot(sendOptions));
    },
    send: (input, options) => {
      const message = toOutboundMessage(input);
      return send(message, asBot(options, message));
    },
    conversation,
    controller,
    attempt,
    logger: withFields(logger, { channel: event.channel, eventId: event.id, eventType: event.type }),
  };
}
