import type { Content } from '@loket/core';
import type { Author, MessageData } from './protocol.js';

/** Where one message stands: the customer's own go sending → sent → delivered → read, or failed. */
export type MessageState = 'sending' | 'sent' | 'delivered' | 'read' | 'failed';

/** One message of the conversation, as the UI shows it. `key` never changes for the message's lifetime. */
export interface ChatMessage {
  key: string;
  seq?: number;
  messageId?: string;
  clientMessageId?: string;
  author: Author;
  content: Content;
  at: number;
  state: MessageState;
  /** The current reactions, one emoji per side. */
  reactions?: { customer?: string; business?: string };
  /** Why a failed send failed. */
  error?: string;
}

/** A change to the transcript: the message to (re)render, and a key to drop when two turned out to be one. */
export interface TranscriptChange {
  message: ChatMessage;
  replaces?: string;
}

/**
 * The messages by key, merged from three sources that can arrive in any order: the outbox (by clientMessageId),
 * the send's answer (clientMessageId → messageId) and the log (by messageId). A message is never shown twice.
 */
export class Transcript {
  private readonly byKey = new Map<string, ChatMessage>();
  private readonly keyOf = new Map<string, string>();
  private delivered = 0;
  private read = 0;

  get(key: string): ChatMessage | undefined {
    return this.byKey.get(key);
  }

  all(): ChatMessage[] {
    return [...this.byKey.values()];
  }

  /** The messages in log order, oldest first; unsent ones (no seq yet) last, by the time they were written. */
  ordered(): ChatMessage[] {
    const seqOf = (m: ChatMessage) => m.seq ?? Number.MAX_SAFE_INTEGER;
    return this.all().sort((a, b) => seqOf(a) - seqOf(b) || a.at - b.at);
  }

  /** A message the customer just wrote, not yet acknowledged. */
  local(clientMessageId: string, content: Content, at: number, failed?: string): TranscriptChange {
    const existing = this.byKey.get(this.keyOf.get(`c:${clientMessageId}`) ?? '');
    if (existing) return { message: existing };
    const message: ChatMessage = {
      key: clientMessageId,
      clientMessageId,
      author: { kind: 'customer' },
      content,
      at,
      state: failed ? 'failed' : 'sending',
      ...(failed ? { error: failed } : {}),
    };
    this.keyOf.set(`c:${clientMessageId}`, clientMessageId);
    this.byKey.set(clientMessageId, message);
    return { message };
  }

  /** The server acknowledged a send. */
  acknowledged(clientMessageId: string, messageId: string, seq: number): TranscriptChange | undefined {
    return this.merge({ clientMessageId, messageId, seq, state: 'sent' });
  }

  /** A send failed for good, or is being tried again. */
  setState(key: string, state: MessageState, error?: string): TranscriptChange | undefined {
    const m = this.byKey.get(key);
    if (!m) return undefined;
    const next: ChatMessage = { ...m, state };
    if (error) next.error = error;
    else delete next.error;
    this.byKey.set(key, next);
    return { message: next };
  }

  remove(key: string): void {
    this.byKey.delete(key);
  }

  /** A `message` event of the log. */
  fromLog(data: MessageData, seq: number, at: number): TranscriptChange | undefined {
    const key = data.update ? this.keyOf.get(`m:${data.messageId}`) : undefined;
    const old = key === undefined ? undefined : this.byKey.get(key);
    if (key !== undefined && old) {
      // "Message updated": the message keeps its seq, time and place; its content and reactions change.
      const next: ChatMessage = { ...old, content: data.content };
      if (data.reactions) next.reactions = data.reactions;
      else delete next.reactions;
      this.byKey.set(key, next);
      return { message: next };
    }
    return this.merge({
      ...(data.reactions ? { reactions: data.reactions } : {}),
      messageId: data.messageId,
      clientMessageId: data.clientMessageId,
      seq,
      author: data.author,
      content: data.content,
      at,
      state: 'sent',
    });
  }

  /** The business side's delivered / read watermarks; answers the customer messages whose state changed. */
  watermarks(delivered: number | undefined, read: number | undefined): TranscriptChange[] {
    this.delivered = Math.max(this.delivered, delivered ?? 0, read ?? 0);
    this.read = Math.max(this.read, read ?? 0);
    const changes: TranscriptChange[] = [];
    for (const m of this.byKey.values()) {
      const state = this.stateOf(m);
      if (state !== m.state) {
        const next = { ...m, state };
        this.byKey.set(m.key, next);
        changes.push({ message: next });
      }
    }
    return changes;
  }

  /** The seq of a message by its id, for receipts that name a message rather than a seq. */
  seqOf(messageId: string): number | undefined {
    return this.byKey.get(this.keyOf.get(`m:${messageId}`) ?? '')?.seq;
  }

  private stateOf(m: ChatMessage): MessageState {
    if (m.author.kind !== 'customer' || m.seq === undefined || m.state === 'failed' || m.state === 'sending') {
      return m.state;
    }
    if (m.seq <= this.read) return 'read';
    return m.seq <= this.delivered ? 'delivered' : 'sent';
  }

  private merge(patch: Partial<ChatMessage> & { seq: number; state: MessageState }): TranscriptChange | undefined {
    const byClient = patch.clientMessageId ? this.keyOf.get(`c:${patch.clientMessageId}`) : undefined;
    const byId = patch.messageId ? this.keyOf.get(`m:${patch.messageId}`) : undefined;
    const key = byClient ?? byId ?? patch.messageId;
    if (!key) return undefined;
    const old = this.byKey.get(key);
    if (!old && (!patch.author || !patch.content)) return undefined; // an answer for a message reset() dropped
    const merged = { ...old, ...strip(patch), key } as ChatMessage;
    if (old && old.state !== 'sending' && old.state !== 'failed') merged.state = old.state;
    merged.state = this.stateOf(merged);
    delete merged.error;
    this.byKey.set(key, merged);
    if (merged.messageId) this.keyOf.set(`m:${merged.messageId}`, key);
    if (merged.clientMessageId) this.keyOf.set(`c:${merged.clientMessageId}`, key);
    // The log event came first under its messageId, the send's answer now names the same message: keep one.
    let replaces: string | undefined;
    if (byClient && byId && byClient !== byId) {
      replaces = byId;
      this.byKey.delete(byId);
    }
    return replaces ? { message: merged, replaces } : { message: merged };
  }
}

function strip<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
