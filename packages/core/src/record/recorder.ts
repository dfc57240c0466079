import type { ChannelAdapter } from '../adapter.js';
import type { Content } from '../model/content.js';
import type { ChannelId, ConversationRef } from '../model/conversation.js';
import type { InboundEvent } from '../model/events.js';
import type { SendReceipt } from '../model/outbound.js';
import type { Author } from '../store/record-store.js';
import type { Store } from '../store/store.js';
import type { MessageEntryData, RecordEntryDataByKind, RecordEntryKind } from './record-entries.js';

/** What the recorder needs from the gateway. */
export interface RecorderDeps {
  store: Store;
  adapters: ReadonlyMap<ChannelId, ChannelAdapter>;
}

/** Writes the organisation's record: every message in and out, statuses, reactions, consent, handovers, auto-replies. */
export interface Recorder {
  /** Appends one entry. `key` makes it idempotent per conversation (a retried step stores it once). */
  append<K extends RecordEntryKind>(
    ref: ConversationRef,
    kind: K,
    data: RecordEntryDataByKind[K],
    at: number,
    key?: string,
  ): Promise<void>;
  /** Records an inbound event (messages, echoes, reactions, statuses; other kinds are recorded where they act). */
  inbound(event: InboundEvent): Promise<void>;
  /** Records one part of a send the platform accepted, at `at` (the gateway's clock: one clock for the record). */
  sent(
    ref: ConversationRef,
    content: Content,
    receipt: SendReceipt,
    at: number,
    author: Author,
    replyTo?: string,
  ): Promise<void>;
}

/** The log keeps what was said, not uploaded bytes. */
function withoutBytes(content: Content): Content {
  if (!('media' in content) || content.media.data === undefined) return content;
  const { data: _bytes, ...media } = content.media;
  return { ...content, media };
}

/** Creates the recorder over the store's log. */
export function createRecorder(deps: RecorderDeps): Recorder {
  const { store } = deps;
  // A channel that keeps its own log (capabilities.ownLog: the web chat) writes its messages and receipts itself.
  const keepsLog = (channel: ChannelId): boolean => deps.adapters.get(channel)?.capabilities.ownLog === true;

  const append: Recorder['append'] = async (ref, kind, data, at, key) => {
    await store.log.append(ref, key === undefined ? { at, kind, data } : { at, kind, data, key });
  };

  const message = (event: InboundEvent, data: MessageEntryData) =>
    append(event.conversation, 'message', data, event.timestamp, `event:${event.id}`);

  return {
    append,
    async inbound(event) {
      const ref = event.conversation;
      switch (event.type) {
        case 'message': {
          if (keepsLog(event.channel)) return;
          const data: MessageEntryData = {
            messageId: event.messageId,
            author: { kind: 'customer', id: event.from.id },
            content: event.content,
          };
          if (event.replyTo !== undefined) data.replyTo = event.replyTo;
          if (event.meta !== undefined) data.meta = event.meta;
          return message(event, data);
        }
        case 'echo': {
          // Our own sends come back as echoes on some platforms; they are in the log already.
          if ((await store.messages.conversationOf(event.messageId)) !== undefined) return;
          return message(event, {
            messageId: event.messageId,
            author: { kind: 'agent' },
            content: event.content,
            echo: true,
          });
        }
        case 'reaction': {
          const author: Author = event.from ? { kind: 'customer', id: event.from.id } : { kind: 'customer' };
          const data = { messageId: event.messageId, emoji: event.emoji, author };
          return append(ref, 'reaction', data, event.timestamp, `event:${event.id}`);
        }
        case 'status': {
          if (keepsLog(event.channel)) return;
          const data = { messageId: event.messageId, status: event.status, ...(event.error && { error: event.error }) };
          return append(ref, 'status', data, event.timestamp, `event:${event.id}`);
        }
        default:
          return;
      }
    },
    async sent(ref, content, receipt, at, author, replyTo) {
      if (keepsLog(ref.channel) || content.type === 'typing' || content.type === 'read') return;
      const key = `sent:${receipt.messageId}`;
      if (content.type === 'reaction') {
        const data = { messageId: content.messageId, emoji: content.emoji, author };
        return append(ref, 'reaction', data, at, key);
      }
      const data: MessageEntryData = { messageId: receipt.messageId, author, content: withoutBytes(content) };
      if (replyTo !== undefined) data.replyTo = replyTo;
      return append(ref, 'message', data, at, key);
    },
  };
}
