import type { LoketErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ConversationRef } from '../model/conversation.js';
import type { InboundEventType, SendStatus } from '../model/events.js';

/** Why a webhook was not taken. */
export type WebhookRefusal =
  | 'signature'
  | 'too-large'
  | 'bad-request'
  | 'unknown-channel'
  | 'method'
  | 'not-a-handshake'
  | 'store-unavailable'
  | 'store-slow'
  | 'over-capacity'
  | 'closing'
  | 'error';

/**
 * What the gateway tells `gateway.observe` listeners. `at` is the gateway clock; durations are in ms. Some signals
 * carry the conversation or message id for local tools (the dev console); exporters must never turn those into
 * metric labels or span attributes (the OpenTelemetry bridge does not).
 */
export type GatewaySignal =
  | { type: 'webhook.accepted'; at: number; channel: string; ackMs: number }
  | { type: 'webhook.refused'; at: number; channel?: string; reason: WebhookRefusal; status: number; ackMs: number }
  | { type: 'webhook.handshake'; at: number; channel: string; status: number }
  | { type: 'event.duplicate'; at: number }
  | {
      type: 'event.handled';
      at: number;
      channel: string;
      eventType: InboundEventType;
      attempt: number;
      durationMs: number;
      /** From the platform's timestamp of the event to the end of its handling. */
      lagMs?: number;
    }
  | {
      type: 'event.failed';
      at: number;
      channel: string;
      eventType: InboundEventType;
      attempt: number;
      durationMs: number;
      /** True when the worker will try the event again; false when its request goes to the dead letters. */
      willRetry: boolean;
    }
  | { type: 'request.dead-lettered'; at: number; error: string }
  | { type: 'status.received'; at: number; channel: string; status: SendStatus; messageId: string }
  | {
      type: 'send.accepted';
      at: number;
      channel: string;
      contentType: string;
      durationMs: number;
      degraded: boolean;
      messageId: string;
      conversation: ConversationRef;
    }
  | {
      type: 'send.refused';
      at: number;
      channel: string;
      contentType: string;
      code: LoketErrorCode;
      conversation: ConversationRef;
    }
  | {
      type: 'send.failed';
      at: number;
      channel: string;
      contentType: string;
      code: LoketErrorCode;
      retryable: boolean;
      durationMs: number;
      conversation: ConversationRef;
    }
  | { type: 'send.paced'; at: number; channel: string; limit: 'account' | 'recipient'; waitMs: number };

/** The type of a {@link GatewaySignal}. */
export type GatewaySignalType = GatewaySignal['type'];

/** A `gateway.observe` listener. It runs synchronously on the path that emitted the signal: keep it cheap. */
export type GatewayListener = (signal: GatewaySignal) => void;

/** The gateway's signal fan-out. */
export interface Observer {
  /** True when at least one listener is registered (so callers can skip building a signal). */
  readonly active: boolean;
  emit(signal: GatewaySignal): void;
  /** Adds a listener; answers the function that removes it. */
  observe(listener: GatewayListener): () => void;
}

/**
 * Creates the signal fan-out behind `gateway.observe`. A listener that throws is logged and never breaks the
 * request, the worker or the send that emitted the signal.
 *
 * @example
 * const observer = createObserver(logger);
 * const stop = observer.observe((s) => { if (s.type === 'webhook.refused') console.log(s.reason) });
 */
export function createObserver(logger: Logger): Observer {
  const listeners = new Set<GatewayListener>();
  return {
    get active() {
      return listeners.size > 0;
    },
    emit(signal) {
      for (const listener of listeners) {
        try {
          listener(signal);
        } catch (err) {
          logger.warn({ err, signal: signal.type }, 'a gateway.observe listener threw: ignored');
        }
      }
    },
    observe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
