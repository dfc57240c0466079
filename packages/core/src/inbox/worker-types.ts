import type { ChannelAdapter } from '../adapter.js';
import type { Logger } from '../logger.js';
import type { ChannelId } from '../model/conversation.js';
import type { InboundEvent, MessageEvent } from '../model/events.js';
import type { Policy } from '../policy/policy.js';
import type { Store } from '../store/store.js';

/** Handler retries: exponential backoff with jitter, capped. */
export interface RetrySettings {
  /** Tries in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** How the inbox worker paces itself (all set; the gateway fills in the defaults). */
export interface WorkerSettings {
  /** Conversations handled in parallel. */
  concurrency: number;
  /** Lease on an inbox item (and the per-conversation lock), renewed while work goes on. */
  leaseMs: number;
  /** How often to look for work nobody woke the worker for (other processes, retries that came due). */
  pollMs: number;
  retry: RetrySettings;
  /** How long a handled event id stays known. */
  dedupeTtlMs: number;
}

/** Options of {@link createInboxWorker}. */
export interface InboxWorkerOptions extends WorkerSettings {
  store: Store;
  adapters: ReadonlyMap<ChannelId, ChannelAdapter>;
  policy: Policy;
  /** Runs the user's handlers for one event; rejects when one throws. `attempt` is 1 on the first try. */
  deliver(event: InboundEvent, attempt: number): Promise<void>;
  /** The business-hours auto-reply, called for customer messages. */
  autoReply?: { onMessage(event: MessageEvent): Promise<void> };
  /** Writes the event to the organisation's record (the conversation's log, the controller); before the handlers. */
  record?(event: InboundEvent): Promise<void>;
  logger: Logger;
  now: () => number;
  /** Jitter source, in [0, 1). Default `Math.random`. */
  random?: () => number;
}

/** The inbox worker: leases verified webhooks, parses them and hands events to the handlers. */
export interface InboxWorker {
  /** Begins leasing: now, every `pollMs`, and whenever woken. */
  start(): void;
  /** There is new work (an enqueue in this process, a replay); look soon, not on the caller's stack. */
  wake(): void;
  /** Stops leasing, cuts backoff waits short, waits for the work in flight. Unfinished items go back to the inbox. */
  close(): Promise<void>;
}
