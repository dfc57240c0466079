import { EventEmitter } from 'node:events';
import type { ConversationRef } from '@loket/core';

/** What the console shows on a conversation's timeline. */
export type TimelineKind = 'inbound' | 'status' | 'sent' | 'refused' | 'webhook' | 'log';

/** One thing that happened, as the console receives it. */
export interface TimelineItem {
  /** Gap-free from 1; the console asks for items after the last one it has. */
  seq: number;
  at: number;
  kind: TimelineKind;
  channel?: string;
  conversation?: ConversationRef;
  /** One line for humans: `text "hello"`, `status delivered`, `OUTSIDE_WINDOW`. */
  title: string;
  messageId?: string;
  /** The normalized event, the message body the platform received, the webhook reply. */
  data?: unknown;
  /** The platform's own fragment (the event's `raw`), shown on click. */
  raw?: unknown;
  error?: { code: string; message: string };
}

/**
 * The item as one line under its kind: `status read`, not `status status read` (a status's title already starts
 * with the word), `inbound text "hello"`.
 */
export function itemLine(item: Pick<TimelineItem, 'kind' | 'title'>, kindWidth = 0): string {
  const rest = item.title.startsWith(`${item.kind} `) ? item.title.slice(item.kind.length + 1) : item.title;
  return `${item.kind.padEnd(kindWidth)} ${rest}`;
}

const MAX_ITEMS = 5000;

/** The dev server's memory of what happened, newest last, with a live feed for the console (SSE). */
export class Timeline extends EventEmitter<{ item: [TimelineItem] }> {
  readonly #items: TimelineItem[] = [];
  #seq = 0;
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    super();
    this.#now = now;
  }

  /** Adds an item (seq and time filled in) and tells every listener. */
  add(item: Omit<TimelineItem, 'seq' | 'at'> & { at?: number }): TimelineItem {
    const full: TimelineItem = { ...item, seq: ++this.#seq, at: item.at ?? this.#now() };
    this.#items.push(full);
    if (this.#items.length > MAX_ITEMS) this.#items.splice(0, this.#items.length - MAX_ITEMS);
    this.emit('item', full);
    return full;
  }

  /** The seq of the newest item (0 when empty). */
  get lastSeq(): number {
    return this.#seq;
  }

  /** Items after `seq` (all by default), oldest first. */
  since(seq = 0): TimelineItem[] {
    return this.#items.filter((i) => i.seq > seq);
  }

  /** Whether an item with this message id and kind is already there. */
  has(kind: TimelineKind, messageId: string): boolean {
    return this.#items.some((i) => i.kind === kind && i.messageId === messageId);
  }
}

/** `whatsapp:106540352242922:31612345678`: one conversation's key. */
export const conversationKey = (ref: ConversationRef): string => `${ref.channel}:${ref.account}:${ref.user}`;
