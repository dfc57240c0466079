import { LoketError, toLoketError } from '../errors.js';
import { backoffDelay } from '../work/backoff.js';
import { startHeartbeat } from '../work/heartbeat.js';
import type { Logger } from '../logger.js';
import type { OutboundMessage, SendOptions, SendReceipt } from '../model/outbound.js';
import type { ConsentApi } from '../policy/consent.js';
import type { LeasedJob, OutboxJobStatus, Store } from '../store/store.js';
import { decodeJob, errorToJson, type JobDetail } from './job-codec.js';
import type { OutboxSettings } from './outbox-types.js';

/** What running one job needs. */
export interface JobDeps {
  store: Store;
  settings: OutboxSettings;
  /** The gateway's send pipeline: content check, policy, pacing, adapter, bookkeeping. */
  send(message: OutboundMessage, options?: SendOptions): Promise<SendReceipt>;
  consent: ConsentApi;
  logger: Logger;
  random?: () => number;
}

/** How a try ended: finished with an outcome, or put back for a retry. */
export type JobResult =
  | { finished: true; status: OutboxJobStatus; detail: string }
  | { finished: false; delayMs: number };

async function attempt(job: LeasedJob, deps: JobDeps): Promise<{ status: OutboxJobStatus; detail: JobDetail }> {
  const { message, options, consentTopic } = decodeJob(job.payload);
  // Checked at send time, not at enqueue time: a customer who opted out since the broadcast was queued is skipped.
  if (consentTopic !== undefined && !(await deps.consent.has(message.to, consentTopic))) {
    return { status: 'skipped-no-consent', detail: {} };
  }
  const receipt = await deps.send(message, options);
  return { status: 'done', detail: { receipt } };
}

/**
 * Tries one leased job through the send pipeline and records what happened: `done` with the receipt,
 * `skipped-no-consent`, a retry later for a retryable failure (RATE_LIMITED, NETWORK, PLATFORM_ERROR; never
 * sooner than the platform's `retryAfterMs`), or `failed` with the LoketError kept. Store failures reject.
 */
export async function runJob(job: LeasedJob, deps: JobDeps): Promise<JobResult> {
  const { store, settings, logger } = deps;
  const fields = { outboxId: job.id, batch: job.batch };
  const stop = startHeartbeat(
    settings.leaseMs,
    () => store.outbox.extend(job.id, job.token, settings.leaseMs),
    logger,
    fields,
  );
  try {
    let outcome: { status: OutboxJobStatus; detail: JobDetail };
    try {
      outcome = await attempt(job, deps);
    } catch (err) {
      const error = LoketError.is(err) ? err : toLoketError(err, 'PLATFORM_ERROR', 'outbox');
      const tries = job.attempts + 1;
      if (error.retryable && tries < settings.retry.attempts) {
        const { baseDelayMs: baseMs, maxDelayMs: maxMs } = settings.retry;
        const backoff = backoffDelay({ attempt: tries, baseMs, maxMs, jitter: 'equal' }, deps.random);
        const delayMs = Math.max(backoff, error.retryAfterMs ?? 0);
        logger.warn({ ...fields, code: error.code, attempt: tries, delayMs }, 'outbox send failed: retrying later');
        await store.outbox.retry(job.id, job.token, { delayMs, error: error.message });
        return { finished: false, delayMs };
      }
      outcome = { status: 'failed', detail: { error: errorToJson(error) } };
    }
    const detail = JSON.stringify(outcome.detail);
    const kept = await store.outbox.finish(job.id, job.token, { status: outcome.status, detail });
    if (!kept) logger.warn(fields, 'outbox job finished after its lease was lost: another worker may send it again');
    return { finished: true, status: outcome.status, detail };
  } finally {
    stop();
  }
}
