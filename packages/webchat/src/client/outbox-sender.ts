import { LoketError } from '@loket/core';
import { backoffDelay } from './backoff.js';
import type { Outbox } from './outbox.js';
import { sleep } from './page.js';

/** What the {@link OutboxSender} sends through and reports to. */
export interface OutboxSenderDeps {
  outbox: Outbox;
  /** False while there is no session or the customer is signed out. */
  canSend(): boolean;
  post(body: { clientMessageId: string; content: unknown }): Promise<unknown>;
  acknowledged(clientMessageId: string, messageId: string, seq: number): void;
  failed(clientMessageId: string, code: string): void;
}

/** Sends the outbox in order; network trouble backs off, 429 waits, a refusal marks the message failed. */
export class OutboxSender {
  private flushing = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;

  constructor(private readonly deps: OutboxSenderDeps) {}

  /** Starts sending unless a drain runs; `fresh` forgets the backoff (back online, a manual retry). */
  flush(fresh = false): void {
    if (fresh) this.attempt = 0;
    if (this.flushing || !this.deps.canSend()) return;
    this.flushing = true;
    clearTimeout(this.timer);
    void this.drain().finally(() => {
      this.flushing = false;
    });
  }

  /** Cancels a pending backoff. */
  stop(): void {
    clearTimeout(this.timer);
  }

  private async drain(): Promise<void> {
    const { outbox } = this.deps;
    for (let next = outbox.list().find((e) => !e.failed); next; next = outbox.list().find((e) => !e.failed)) {
      const { clientMessageId, content } = next;
      try {
        const answer = (await this.deps.post({ clientMessageId, content })) as
          | { messageId?: unknown; seq?: unknown }
          | undefined;
        outbox.remove(clientMessageId);
        this.attempt = 0;
        if (typeof answer?.messageId === 'string' && typeof answer.seq === 'number') {
          this.deps.acknowledged(clientMessageId, answer.messageId, answer.seq);
        }
      } catch (err) {
        if (!LoketError.is(err) || err.code === 'AUTH_FAILED') return;
        if (err.code === 'RATE_LIMITED') {
          await sleep(err.retryAfterMs ?? 1000);
        } else if (err.retryable) {
          this.timer = setTimeout(() => this.flush(), backoffDelay(this.attempt++));
          return;
        } else {
          outbox.update(clientMessageId, { failed: err.code });
          this.deps.failed(clientMessageId, err.code);
        }
      }
    }
  }
}
