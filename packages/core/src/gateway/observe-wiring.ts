import { LoketError, type LoketErrorCode } from '../errors.js';
import type { InboundEvent } from '../model/events.js';
import type { OutboundMessage, SendOptions, SendReceipt } from '../model/outbound.js';
import type { StoreTap } from './guard-store.js';
import type { Observer } from './observe.js';

type Send<Rest extends unknown[] = []> = (
  message: OutboundMessage,
  options?: SendOptions,
  ...rest: Rest
) => Promise<SendReceipt>;
type Deliver = (event: InboundEvent, attempt: number) => Promise<void>;

// Codes the gateway decides before the platform is asked (content, policy, configuration).
const REFUSALS: ReadonlySet<LoketErrorCode> = new Set([
  'UNSUPPORTED_CONTENT',
  'CONTENT_LIMIT',
  'OUTSIDE_WINDOW',
  'CONSENT_REQUIRED',
  'CONFIG',
  'BAD_REQUEST',
]);

/** `send` that reports each outcome: accepted, refused before the platform (with its code), or failed. */
export function observedSend<Rest extends unknown[]>(
  send: Send<Rest>,
  observer: Observer,
  now: () => number,
): Send<Rest> {
  return async (message, options, ...rest) => {
    const started = performance.now();
    const base = { channel: message.to?.channel, contentType: message.content?.type, conversation: message.to };
    try {
      const receipt = await send(message, options, ...rest);
      observer.emit({
        type: 'send.accepted',
        at: now(),
        ...base,
        durationMs: performance.now() - started,
        degraded: receipt.degraded === true,
        messageId: receipt.messageId,
      });
      return receipt;
    } catch (err) {
      const code: LoketErrorCode = LoketError.is(err) ? err.code : 'PLATFORM_ERROR';
      const refused = LoketError.is(err) && err.platformCode === undefined && REFUSALS.has(code);
      if (refused) observer.emit({ type: 'send.refused', at: now(), ...base, code });
      else {
        const retryable = LoketError.is(err) && err.retryable;
        const durationMs = performance.now() - started;
        observer.emit({ type: 'send.failed', at: now(), ...base, code, retryable, durationMs });
      }
      throw err;
    }
  };
}

/** The handlers' run for one event, reported as handled or failed (and whether it will be tried again). */
export function observedDeliver(deliver: Deliver, observer: Observer, now: () => number, attempts: number): Deliver {
  return async (event, attempt) => {
    const started = performance.now();
    const base = { channel: event.channel, eventType: event.type, attempt };
    if (event.type === 'status' && attempt === 1) {
      const { status, messageId } = event;
      observer.emit({ type: 'status.received', at: now(), channel: event.channel, status, messageId });
    }
    try {
      await deliver(event, attempt);
      const at = now();
      const lagMs = event.timestamp > 0 ? Math.max(0, at - event.timestamp) : undefined;
      observer.emit({ type: 'event.handled', at, ...base, durationMs: performance.now() - started, lagMs });
    } catch (err) {
      const durationMs = performance.now() - started;
      observer.emit({ type: 'event.failed', at: now(), ...base, durationMs, willRetry: attempt < attempts });
      throw err;
    }
  };
}

/** Store calls that are signals: a refused claim on a done event (a duplicate), a request moved to the dead letters. */
export function observedStoreCalls(observer: Observer, now: () => number): StoreTap {
  return (what, args, result) => {
    if (!observer.active) return;
    if (what === 'store.dedupe.isDone' && result === true) observer.emit({ type: 'event.duplicate', at: now() });
    if (what === 'store.inbox.deadLetter') {
      const error = (args[2] as { error?: unknown } | undefined)?.error;
      observer.emit({ type: 'request.dead-lettered', at: now(), error: String(error ?? '') });
    }
  };
}
