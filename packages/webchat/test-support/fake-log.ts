import { randomBytes } from 'node:crypto';
import type { LogEvent } from '../src/client/protocol.js';

/** One conversation of the test server: a gap-free log and its live subscribers. */
export class FakeConversation {
  readonly events: LogEvent[] = [];
  readonly byClientId = new Map<string, { messageId: string; seq: number }>();
  readonly subscribers = new Set<(frame: { t: string; e?: LogEvent }) => void>();

  constructor(
    readonly id: string,
    readonly user: string,
  ) {}

  get head(): number {
    return this.events.length;
  }

  append(kind: LogEvent['kind'], data: Record<string, unknown>): LogEvent {
    const e: LogEvent = { seq: this.events.length + 1, kind, at: Date.now(), data };
    this.events.push(e);
    this.broadcast({ t: 'event', e });
    return e;
  }

  message(author: string, content: unknown, clientMessageId?: string): { messageId: string; seq: number } {
    const messageId = `m_${randomBytes(6).toString('hex')}`;
    const e = this.append('message', {
      messageId,
      author: { kind: author },
      content,
      ...(clientMessageId ? { clientMessageId } : {}),
    });
    return { messageId, seq: e.seq };
  }

  after(after: number, limit: number): LogEvent[] {
    return this.events.filter((e) => e.seq > after).slice(0, limit);
  }

  before(before: number, limit: number): LogEvent[] {
    const below = this.events.filter((e) => e.seq < before);
    return below.slice(Math.max(0, below.length - limit));
  }

  broadcast(frame: { t: string; e?: LogEvent }): void {
    for (const send of this.subscribers) send(frame);
  }

  /** Customer messages by text, for exactly-once assertions. */
  texts(author = 'customer'): string[] {
    return this.events
      .filter((e) => e.kind === 'message' && (e.data.author as { kind: string }).kind === author)
      .map((e) => (e.data.content as { text?: string }).text ?? '');
  }
}
