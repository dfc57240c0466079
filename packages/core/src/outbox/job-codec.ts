import { LoketError, type LoketErrorCode, loketMessage } from '../errors.js';
import type { OutboundMessage, SendOptions, SendReceipt } from '../model/outbound.js';

/** What one outbox job carries. */
export interface OutboxJob {
  message: OutboundMessage;
  options: SendOptions;
  /** Broadcasts only: the topic the recipient must have consented to, checked when the send is tried. */
  consentTopic?: string;
}

/** What a finished job keeps: the receipt, or the error. */
export interface JobDetail {
  receipt?: SendReceipt;
  error?: Record<string, unknown>;
}

// Media bytes to upload travel inside the JSON as base64, so a job survives the store unchanged.
const replacer = (_key: string, value: unknown): unknown =>
  value instanceof Uint8Array ? { $bytes: Buffer.from(value).toString('base64') } : value;
const reviver = (_key: string, value: unknown): unknown =>
  typeof value === 'object' && value !== null && typeof (value as { $bytes?: unknown }).$bytes === 'string'
    ? new Uint8Array(Buffer.from((value as { $bytes: string }).$bytes, 'base64'))
    : value;

/** Encodes a job for the store. */
export function encodeJob(job: OutboxJob): string {
  return JSON.stringify(job, replacer);
}

/** Decodes a stored job; throws BAD_REQUEST when it is not one (written by something else). */
export function decodeJob(payload: string): OutboxJob {
  const job = JSON.parse(payload, reviver) as Partial<OutboxJob>;
  if (typeof job !== 'object' || job === null || typeof job.message !== 'object') {
    throw new LoketError('BAD_REQUEST', loketMessage('outbox', 'a stored job has no message: it cannot be sent'));
  }
  return { message: job.message as OutboundMessage, options: job.options ?? {}, consentTopic: job.consentTopic };
}

/** The error as the store keeps it. */
export function errorToJson(error: LoketError): Record<string, unknown> {
  return error.toJSON();
}

/** The kept error as a LoketError again (code, message, retryable and the platform's code intact). */
export function errorFromJson(json: Record<string, unknown>): LoketError {
  const { code, message, retryable, channel, platformCode, retryAfterMs, details } = json;
  return new LoketError(code as LoketErrorCode, String(message), {
    retryable: retryable === true,
    channel: typeof channel === 'string' ? channel : undefined,
    platformCode: platformCode as string | number | undefined,
    retryAfterMs: typeof retryAfterMs === 'number' ? retryAfterMs : undefined,
    details: details as Record<string, unknown> | undefined,
  });
}
