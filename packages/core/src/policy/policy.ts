import { LoketError, loketMessage } from '../errors.js';
import { type Logger, safeLogger } from '../logger.js';
import type { Capabilities } from '../model/capabilities.js';
import type { InboundEvent } from '../model/events.js';
import type { OutboundMessage } from '../model/outbound.js';
import type { Store } from '../store/store.js';
import { type ConsentApi, createConsentApi, effectiveConsent, recordConsent } from './consent.js';
import { stopWordMatcher } from './stop-words.js';
import { checkWindow } from './window-check.js';

/** Options of {@link createPolicy}. */
export interface PolicyOptions {
  store: Store;
  /** Whole-message words that revoke all consent; `false` turns them off, an array replaces the defaults. */
  stopWords?: string[] | false;
  now?: () => number;
  logger?: Logger;
}

/** The platform rules the core keeps for every channel, driven only by each channel's capabilities. */
export interface Policy {
  /** Bookkeeping for one inbound event before handlers run: window (events in capabilities.window.openedBy,
   *  never echoes), consent events, stop words (revoke '*'), monotonic statuses. `deliver: false` = do not hand the
   *  event to user handlers (a status that does not move forward). */
  observe(event: InboundEvent, capabilities: Capabilities): Promise<{ deliver: boolean }>;
  /** Throws OUTSIDE_WINDOW / CONSENT_REQUIRED (with a message saying when the window closed and what is allowed). */
  check(message: OutboundMessage, capabilities: Capabilities): Promise<void>;
  readonly consent: ConsentApi;
}

/** How long a message's status is remembered: Meta accepts reactions and read marks up to 30 days back. */
const STATUS_TTL_MS = 30 * 24 * 3_600_000;

/**
 * Creates the policy: the window, tags and consent on the way out, and their bookkeeping on the way in.
 *
 * @example
 * const policy = createPolicy({ store: memoryStore() });
 * await policy.consent.grant(ref, { topic: 'order-updates', source: 'checkout-form' });
 * await policy.check({ to: ref, content: template, topic: 'order-updates' }, adapter.capabilities);
 */
export function createPolicy(options: PolicyOptions): Policy {
  const { store } = options;
  const now = options.now ?? Date.now;
  const logger = safeLogger(options.logger);
  const isStopWord = stopWordMatcher(options.stopWords);
  const consent = createConsentApi(store.conversations, now);

  async function observe(event: InboundEvent, capabilities: Capabilities): Promise<{ deliver: boolean }> {
    const ref = event.conversation;
    if (capabilities.window?.openedBy.includes(event.type) && event.type !== 'echo') {
      await store.conversations.recordInbound(ref, event.timestamp);
    }
    if (event.type === 'consent') {
      const record = { topic: event.topic ?? '*', status: event.consent, source: 'platform', at: event.timestamp };
      await recordConsent(store.conversations, ref, record);
    }
    if (event.type === 'message' && event.content.type === 'text' && isStopWord(event.content.text)) {
      await recordConsent(store.conversations, ref, {
        topic: '*',
        status: 'revoked',
        source: 'stop-word',
        at: event.timestamp,
      });
      logger.info(
        { conversation: ref, eventId: event.id },
        loketMessage(ref.channel, 'consent revoked by a stop word'),
      );
    }
    if (event.type === 'status') {
      const moved = await store.messages.advanceStatus(event.messageId, event.status, STATUS_TTL_MS);
      // A failure is always news, even after a `read` (PLATFORM_RULES §0.1: statuses apply monotonically).
      return { deliver: moved || event.status === 'failed' };
    }
    return { deliver: true };
  }

  async function check(message: OutboundMessage, capabilities: Capabilities): Promise<void> {
    const ref = message.to;
    const state = await store.conversations.get(ref);
    if (message.content.type === 'template') {
      const topic = message.topic ?? '*';
      const record = effectiveConsent(state, topic);
      if (record?.status !== 'granted') {
        const why = record
          ? `consent for topic '${topic}' was revoked (${record.source}, ${new Date(record.at).toISOString()})`
          : `no consent is recorded for topic '${topic}'`;
        throw new LoketError(
          'CONSENT_REQUIRED',
          loketMessage(
            ref.channel,
            `${why}: a business-initiated message needs the customer's opt-in; record it with gateway.consent.grant(ref, { topic: '${topic}' })`,
          ),
          { channel: ref.channel, retryable: false, details: { topic, ...(record ? { record } : {}) } },
        );
      }
    }
    const rule = capabilities.window;
    if (!rule) return;
    if (message.tag === 'human_agent' && rule.humanAgentMs === undefined) {
      throw new LoketError(
        'UNSUPPORTED_CONTENT',
        loketMessage(ref.channel, `tag 'human_agent' does not exist on ${ref.channel}: send without the tag`),
        { channel: ref.channel, retryable: false },
      );
    }
    checkWindow(message, { channel: ref.channel, rule, lastInboundAt: state?.lastInboundAt, now: now() });
  }

  return { observe, check, consent };
}
