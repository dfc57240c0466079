import type { ChannelAdapter } from '../adapter.js';
import { fitContent } from '../content/index.js';
import { LoketError, loketMessage } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Content } from '../model/content.js';
import type { ChannelId } from '../model/conversation.js';
import { type OutboundMessage, outboundMessageSchema, type SendOptions, type SendReceipt } from '../model/outbound.js';
import type { Policy } from '../policy/index.js';
import type { Store } from '../store/store.js';
import type { Pacer } from '../transport/index.js';
import { callAdapter, logOnce } from './call-adapter.js';

/** What the send pipeline needs. */
export interface SendPipelineDeps {
  adapters: ReadonlyMap<ChannelId, ChannelAdapter>;
  store: Store;
  policy: Policy;
  pacer: Pacer;
  logger: Logger;
  now: () => number;
}

/** The log keeps what was said, not uploaded bytes. */
function withoutBytes(content: Content): Content {
  if (!('media' in content) || content.media.data === undefined) return content;
  const { data: _bytes, ...media } = content.media;
  return { ...content, media };
}

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

  return async function send(input: OutboundMessage, options: SendOptions = {}): Promise<SendReceipt> {
    const message = validateOutbound(input);
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
      const partMessage: OutboundMessage = { ...message, content: part };
      if (index > 0) delete partMessage.replyTo;
      const receipt = await callAdapter(adapter, 'send', () => adapter.send(partMessage), 'PLATFORM_ERROR', logger);
      receipts.push(receipt);
      await record('the sent message', () =>
        store.messages.recordSent(receipt.messageId, message.to, receipt.acceptedAt),
      );
      if (caps.ownLog !== true)
        await record('the log entry', () =>
          store.log.append(message.to, {
            at: receipt.acceptedAt,
            kind: 'outbound',
            data: { messageId: receipt.messageId, content: withoutBytes(part) },
          }),
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
