import type { ChannelAdapter } from '../adapter.js';
import { fitContent } from '../content/fit-content.js';
import { LoketError, loketMessage } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ChannelId } from '../model/conversation.js';
import { type OutboundMessage, outboundMessageSchema, type SendOptions, type SendReceipt } from '../model/outbound.js';
import type { Policy } from '../policy/policy.js';
import type { Recorder } from '../record/recorder.js';
import { sendAuthor } from '../record/send-author.js';
import type { Store } from '../store/store.js';
import type { Pacer } from '../transport/pacer.js';
import { callAdapter, logOnce } from '../call-adapter.js';

/** What the send pipeline needs. */
export interface SendPipelineDeps {
  adapters: ReadonlyMap<ChannelId, ChannelAdapter>;
  store: Store;
  policy: Policy;
  pacer: Pacer;
  logger: Logger;
  now: () => number;
  /** Writes each accepted part to the conversation's log. */
  recorder: Recorder;
}

/** Who writes a send: an agent, the bot, or the gateway itself (`system`: the business-hours auto-reply). */
export type SendingAuthor = NonNullable<OutboundMessage['author']>;

/** Checks a message against the schema; BAD_REQUEST naming the fields otherwise. */
export function validateOutbound(message: unknown): OutboundMessage {
  const parsed = outboundMessageSchema.safeParse(message);
  if (parsed.success) return parsed.data;
  const text = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || 'message'}: ${i.message}`).join('; ');
  throw new LoketError('BAD_REQUEST', loketMessage('gateway', `send: invalid message (${text})`));
}

/** The channel's adapter; CONFIG when the gateway has none for it. */
export function adapterFor(adapters: ReadonlyMap<ChannelId, ChannelAdapter>, channel: ChannelId): ChannelAdapter {
  const adapter = adapters.get(channel);
  if (adapter) return adapter;
  throw new LoketError(
    'CONFIG',
    loketMessage('gateway', `no adapter for channel ${channel}: add it to createGateway({ channels })`),
    { channel },
  );
}

/**
 * Builds `gateway.send`: validate → content check against the channel's capabilities (degrade, or refuse when
 * strict) → policy (window, tag, consent) → pacing → the adapter, once per part → bookkeeping.
 */
export function createSendPipeline(deps: SendPipelineDeps) {
  const { store, logger } = deps;

  // The platform already accepted the message: a bookkeeping failure is logged, never turned into a send failure
  // (the caller would retry and the customer would get it twice).
  const record = async (what: string, run: () => Promise<unknown>): Promise<void> => {
    try {
      await run();
    } catch (err) {
      logOnce(logger, 'error', err, `send: could not record ${what} in the store`);
    }
  };

  // `as` is the gateway's own author (the business-hours auto-reply writes as `system`); callers use `options.author`.
  return async function send(
    input: OutboundMessage,
    options: SendOptions = {},
    as?: SendingAuthor,
  ): Promise<SendReceipt> {
    // The `author` option, or the message's own `author`; an agent when neither says.
    const chosen = as ?? (options.author === undefined ? undefined : sendAuthor(options.author, 'agent'));
    const message = validateOutbound(input);
    const author: SendingAuthor = chosen ?? message.author ?? { kind: 'agent' };
    const channel = message.to.channel;
    const adapter = adapterFor(deps.adapters, channel);
    const caps = adapter.capabilities;
    const fit = fitContent(message.content, caps, {
      channel,
      strict: options.strict === true,
      now: deps.now(),
      replyTo: message.replyTo,
    });
    await deps.policy.check(message, caps);

    const receipts: SendReceipt[] = [];
    for (const [index, part] of fit.parts.entries()) {
      await deps.pacer.acquire({ channel, account: message.to.account, recipient: message.to.user }, caps.pacing);
      // Only the first part quotes the message replied to.
      // The adapter hears who wrote it when someone said so (absent means an agent), and always when it keeps the log.
      const partMessage: OutboundMessage =
        chosen || message.author || caps.ownLog ? { ...message, content: part, author } : { ...message, content: part };
      if (index > 0) delete partMessage.replyTo;
      const receipt = await callAdapter(adapter, 'send', () => adapter.send(partMessage), 'PLATFORM_ERROR', logger);
      receipts.push(receipt);
      await record('the sent message', () =>
        store.messages.recordSent(receipt.messageId, message.to, receipt.acceptedAt),
      );
      await record('the log entry', () =>
        deps.recorder.sent(message.to, part, receipt, deps.now(), author, partMessage.replyTo),
      );
    }
    if (fit.pendingChoices) {
      const choices = fit.pendingChoices;
      await record('the numbered menu', () => store.conversations.setPendingChoices(message.to, choices));
    }

    const [first] = receipts;
    if (!first)
      throw new LoketError('CONFIG', loketMessage(channel, 'send: the content check produced nothing to send'));
    const receipt: SendReceipt = { ...first };
    if (fit.degraded) receipt.degraded = true;
    if (receipts.length > 1) receipt.messageIds = receipts.map((r) => r.messageId);
    return receipt;
  };
}
