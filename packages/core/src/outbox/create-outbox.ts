import { randomUUID } from 'node:crypto';
import { LoketError, loketMessage } from '../errors.js';
import { logOnce } from '../call-adapter.js';
import type { Content } from '../model/content.js';
import type { ConversationRef } from '../model/conversation.js';
import type { OutboundMessage, SendOptions } from '../model/outbound.js';
import type { LeasedJob, OutboxJobStatus } from '../store/store.js';
import { encodeJob, type OutboxJob } from './job-codec.js';
import { createOutboxWorker } from './outbox-worker.js';
import { batchReport, jobReport, toCounts } from './outbox-reports.js';
import type {
  BroadcastOptions,
  BroadcastReport,
  OutboxHandle,
  OutboxListener,
  OutboxSettings,
} from './outbox-types.js';
import { type JobDeps, runJob } from './run-job.js';

/** What the outbox needs from the gateway. */
export interface OutboxDeps extends Omit<JobDeps, 'settings'> {
  settings: OutboxSettings;
  /** Checks a message the way `send` would before anything is stored (schema, channel configured). */
  validate(message: OutboundMessage): OutboundMessage;
  now: () => number;
}

/** The outbox API the gateway exposes, and its worker. */
export interface Outbox {
  enqueueSend(message: OutboundMessage, options?: SendOptions): Promise<OutboxHandle>;
  broadcast(recipients: ConversationRef[], content: Content, options: BroadcastOptions): Promise<OutboxHandle>;
  broadcastStatus(id: string): Promise<BroadcastReport | undefined>;
  onOutbox(listener: OutboxListener): () => void;
  start(): void;
  /** New jobs were stored (here or, through the store's pub/sub, in another process): lease soon. */
  wake(): void;
  close(): Promise<void>;
}

/**
 * Creates the durable outbox: sends are stored first, then delivered in the background through the gateway's
 * send pipeline (content check, policy, pacing, adapter), retried with backoff when the failure is retryable, and
 * reported per recipient. A job stored by one gateway is delivered by any gateway started on the same store.
 */
export function createOutbox(deps: OutboxDeps): Outbox {
  const { store, logger } = deps;
  const listeners = new Set<OutboxListener>();
  // Wakes `done()` waiters of a batch as soon as a job of it finishes here (other processes are seen by polling).
  const waiters = new Map<string, Set<() => void>>();
  let closed = false;

  const notify = (batch: string) => {
    for (const wake of waiters.get(batch) ?? []) wake();
  };

  const report = async (job: LeasedJob, status: OutboxJobStatus, detail: string): Promise<void> => {
    notify(job.batch);
    if (listeners.size === 0) return;
    const record = { ...job, attempts: job.attempts + 1, state: status, detail };
    const counts = toCounts(await store.outbox.counts(job.batch));
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const progress = { batch: job.batch, job: jobReport(record), counts, total, complete: counts.pending === 0 };
    for (const listener of listeners) {
      try {
        await listener(progress);
      } catch (err) {
        logOnce(logger, 'error', err, 'an outbox listener threw', { batch: job.batch });
      }
    }
  };

  const worker = createOutboxWorker({
    store,
    settings: deps.settings,
    logger,
    run: async (job) => {
      try {
        const result = await runJob(job, deps);
        if (result.finished) await report(job, result.status, result.detail);
      } catch (err) {
        // The job stays leased until its lease ends, then it is tried again.
        logOnce(logger, 'error', err, 'the outbox could not record a job in the store', { outboxId: job.id });
      }
    },
  });

  const enqueueJobs = async (jobs: OutboxJob[]): Promise<OutboxHandle> => {
    const batch = randomUUID();
    const at = deps.now();
    await store.outbox.enqueue(jobs.map((job) => ({ batch, payload: encodeJob(job), createdAt: at })));
    worker.wake();
    return { id: batch, total: jobs.length, done: (options) => waitFor(batch, options?.timeoutMs) };
  };

  const status = async (id: string) => batchReport(id, await store.outbox.batch(id));

  async function waitFor(batch: string, timeoutMs = Number.POSITIVE_INFINITY): Promise<BroadcastReport> {
    const deadline = deps.now() + timeoutMs;
    for (;;) {
      // Counts are cheap; the full report (every job decoded) is read once, when nothing is pending any more.
      const counts = await store.outbox.counts(batch);
      if (counts.queued === 0) {
        const current = await status(batch);
        if (current?.complete) return current;
      }
      if (closed || deps.now() >= deadline) {
        const why = closed ? 'the gateway closed' : `${timeoutMs} ms passed`;
        throw new LoketError(
          'NETWORK',
          loketMessage(
            'outbox',
            `batch ${batch} is not finished (${why}): its jobs stay stored; ask broadcastStatus(id) later`,
          ),
          { retryable: true },
        );
      }
      await new Promise<void>((resolve) => {
        const set = waiters.get(batch) ?? new Set();
        waiters.set(batch, set);
        const wake = () => {
          clearTimeout(timer);
          set.delete(wake);
          if (set.size === 0) waiters.delete(batch);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(deps.settings.pollMs * 4, Math.max(0, deadline - deps.now())));
        set.add(wake);
      });
    }
  }

  return {
    async enqueueSend(message, options = {}) {
      return enqueueJobs([{ message: deps.validate(message), options }]);
    },
    async broadcast(recipients, content, options) {
      if (typeof options?.topic !== 'string' || options.topic === '') {
        throw new LoketError(
          'BAD_REQUEST',
          loketMessage('outbox', 'broadcast needs a consent topic: broadcast(recipients, content, { topic })'),
        );
      }
      if (recipients.length === 0) {
        throw new LoketError('BAD_REQUEST', loketMessage('outbox', 'broadcast needs at least one recipient'));
      }
      const { topic, strict, metadata } = options;
      const jobs = recipients.map((to): OutboxJob => {
        const message = deps.validate({ to, content, topic, ...(metadata === undefined ? {} : { metadata }) });
        return { message, options: strict === undefined ? {} : { strict }, consentTopic: topic };
      });
      return enqueueJobs(jobs);
    },
    broadcastStatus: status,
    onOutbox(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: () => worker.start(),
    wake: () => worker.wake(),
    async close() {
      closed = true;
      await worker.close();
      for (const batch of [...waiters.keys()]) notify(batch);
    },
  };
}
