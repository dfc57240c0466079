import type { LoketError } from '../errors.js';
import type { ConversationRef } from '../model/conversation.js';
import type { SendReceipt } from '../model/outbound.js';
import type { OutboxJobStatus } from '../store/store.js';

/** Where one queued send stands: still `pending`, or finished as `done`, `failed` or `skipped-no-consent`. */
export type OutboxJobState = 'pending' | OutboxJobStatus;

/** One recipient's send, as the outbox reports it. */
export interface OutboxJobReport {
  /** The job's id in the store. */
  id: string;
  to: ConversationRef;
  state: OutboxJobState;
  /** Tries so far (leases taken). */
  attempts: number;
  /** When `done`: what the platform answered. */
  receipt?: SendReceipt;
  /** When `failed`: why, as the send pipeline refused or the platform answered (the last error for retries). */
  error?: LoketError;
}

/** How many jobs of a batch are in each state. */
export type OutboxCounts = Record<OutboxJobState, number>;

/** A batch (a broadcast, or one queued send) with every job's state. */
export interface BroadcastReport {
  id: string;
  total: number;
  /** True when no job is pending any more. */
  complete: boolean;
  counts: OutboxCounts;
  /** Per recipient, in the order they were given. */
  jobs: OutboxJobReport[];
}

/** What `enqueueSend` and `broadcast` answer once the jobs are stored durably. */
export interface OutboxHandle {
  /** The batch id: pass it to `gateway.broadcastStatus(id)`, also from another process or after a restart. */
  id: string;
  /** The number of jobs (recipients). */
  total: number;
  /**
   * Resolves with the final report once every job finished (in any process sharing the store). Rejects with
   * `NETWORK` when `timeoutMs` passes first, or when the gateway closes before.
   */
  done(options?: { timeoutMs?: number }): Promise<BroadcastReport>;
}

/** Options of `gateway.broadcast`. */
export interface BroadcastOptions {
  /** The consent topic: a recipient without granted consent for it (checked when the send is tried) is skipped. */
  topic: string;
  /** Refuse content that does not fit a channel instead of degrading it (the job fails with the reason). */
  strict?: boolean;
  /** Opaque data the platform echoes back on status callbacks, where it supports that. */
  metadata?: string;
}

/** A progress report: one job finished, with the batch's counts after it. */
export interface OutboxProgress {
  /** The batch id (`OutboxHandle.id`). */
  batch: string;
  job: OutboxJobReport;
  counts: OutboxCounts;
  total: number;
  complete: boolean;
}

/** Gets a progress report each time a job finishes in this process. Errors it throws are logged, not rethrown. */
export type OutboxListener = (progress: OutboxProgress) => void | Promise<void>;

/** How the outbox worker paces itself (the gateway fills in the defaults). */
export interface OutboxSettings {
  /** Sends in flight at a time (the pacer still spaces them per account and recipient). */
  concurrency: number;
  /** Lease on a job, renewed while its send goes on. */
  leaseMs: number;
  /** How often to look for jobs nobody woke the worker for (retries that came due, other processes' jobs). */
  pollMs: number;
  /** Retries of retryable failures; a platform's `retryAfterMs` is honoured when it asks for longer. */
  retry: { attempts: number; baseDelayMs: number; maxDelayMs: number };
}
