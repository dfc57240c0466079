import { LoketError, loketMessage, type Transport } from '@loket/core';
import { z } from 'zod';

/** A replay request: the webhook and the time range to deliver again (within the last 24 h). */
export interface XReplayRequest {
  webhookId: string;
  /** Start of the range (ms since the epoch or a Date); at least 31 minutes ago… */
  from: number | Date;
  /** …end of the range; at least 10 minutes ago, after `from`. */
  to: number | Date;
}

/** The replay job X started; its completion arrives as a `replay_job_status` webhook (an `unsupported` event). */
export interface XReplayJob {
  jobId: string;
  createdAt?: string;
}

const answerSchema = z.looseObject({
  data: z.looseObject({ job_id: z.string().min(1), created_at: z.string().optional() }),
});
const MINUTE = 60_000;

/** `yyyymmddhhmm` in UTC, the form the replay API takes. */
export function replayDate(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}`;
}

function refuse(text: string): LoketError {
  return new LoketError('BAD_REQUEST', loketMessage('twitter-dm', text), { channel: 'twitter-dm', retryable: false });
}

/**
 * Asks the Account Activity API to deliver a time range again after an outage (PLATFORM_RULES 4.3:
 * `POST /2/account_activity/replay/webhooks/:webhook_id/subscriptions/all?from_date=&to_date=`, app-only Bearer,
 * one job at a time). The window is checked before the call. Replayed events carry their original ids, so the
 * gateway's dedupe drops those already handled.
 *
 * @example
 * await adapter.requestReplay({ webhookId, from: outageStart, to: Date.now() - 15 * 60_000 });
 */
export async function requestXReplay(http: Transport, req: XReplayRequest, now: number): Promise<XReplayJob> {
  const from = Number(req.from);
  const to = Number(req.to);
  if (!(from < to)) throw refuse('replay: from must be before to');
  if (from < now - 24 * 60 * MINUTE) throw refuse('replay: X replays only the last 24 hours');
  if (from > now - 31 * MINUTE) throw refuse('replay: from must be at least 31 minutes ago');
  if (to > now - 10 * MINUTE) throw refuse('replay: to must be at least 10 minutes ago');
  const { body } = await http.request({
    method: 'POST',
    path: `/2/account_activity/replay/webhooks/${encodeURIComponent(req.webhookId)}/subscriptions/all`,
    query: { from_date: replayDate(from), to_date: replayDate(to) },
  });
  const parsed = answerSchema.safeParse(body);
  if (!parsed.success) throw refuse('replay: X answered without a job id');
  const { job_id, created_at } = parsed.data.data;
  return { jobId: job_id, ...(created_at ? { createdAt: created_at } : {}) };
}
