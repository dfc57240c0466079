import type { OutboxJobRecord, OutboxJobStatus } from '../store/store.js';
import { decodeJob, errorFromJson, type JobDetail } from './job-codec.js';
import type { BroadcastReport, OutboxCounts, OutboxJobReport } from './outbox-types.js';

/** One stored job as a report; an unreadable job shows with the recipient it can still name (none). */
export function jobReport(record: OutboxJobRecord): OutboxJobReport {
  const { message } = decodeJob(record.payload);
  const report: OutboxJobReport = {
    id: record.id,
    to: message.to,
    state: record.state === 'queued' ? 'pending' : record.state,
    attempts: record.attempts,
  };
  if (record.detail !== undefined) {
    const detail = JSON.parse(record.detail) as JobDetail;
    if (detail.receipt) report.receipt = detail.receipt;
    if (detail.error) report.error = errorFromJson(detail.error);
  }
  return report;
}

/** The store's counts with `queued` named `pending`, as reports say it. */
export function toCounts(stored: Record<'queued' | OutboxJobStatus, number>): OutboxCounts {
  return {
    pending: stored.queued,
    done: stored.done,
    failed: stored.failed,
    'skipped-no-consent': stored['skipped-no-consent'],
  };
}

/** A batch's report from its stored jobs; undefined for a batch the store does not know. */
export function batchReport(id: string, records: OutboxJobRecord[]): BroadcastReport | undefined {
  if (records.length === 0) return undefined;
  const jobs = records.map(jobReport);
  const counts: OutboxCounts = { pending: 0, done: 0, failed: 0, 'skipped-no-consent': 0 };
  for (const job of jobs) counts[job.state] += 1;
  return { id, total: jobs.length, complete: counts.pending === 0, counts, jobs };
}
