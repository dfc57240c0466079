import { LoketError, loketMessage } from '../errors.js';
import type { GatewayHealth } from './health.js';
import type { GatewayListener, GatewaySignal } from './observe.js';

// The few parts of `@opentelemetry/api` used here, as structural types: core's published types never name the
// optional peer, so a user without it installed compiles as before.
type Attributes = Record<string, string | number | boolean>;
interface OtelSpan {
  setStatus(status: { code: number; message?: string }): unknown;
  end(endTime?: number): void;
}
interface OtelTracer {
  startSpan(name: string, options: { kind: number; startTime: number; attributes: Attributes }): OtelSpan;
}
interface OtelInstrument {
  add?(value: number, attributes?: Attributes): void;
  record?(value: number, attributes?: Attributes): void;
}
interface OtelObservable {
  addCallback(cb: (result: { observe(value: number, attributes?: Attributes): void }) => void | Promise<void>): void;
}
interface OtelMeter {
  createCounter(name: string, options?: { description?: string; unit?: string }): OtelInstrument;
  createHistogram(name: string, options?: { description?: string; unit?: string }): OtelInstrument;
  createObservableGauge(name: string, options?: { description?: string; unit?: string }): OtelObservable;
}
/** The parts of `@opentelemetry/api` the bridge uses (pass the module itself, or let the bridge import it). */
export interface OpenTelemetryApi {
  trace: { getTracer(name: string, version?: string): OtelTracer };
  metrics: { getMeter(name: string, version?: string): OtelMeter };
}
/** Options of {@link instrumentOpenTelemetry}. */
export interface OpenTelemetryOptions {
  /** The `@opentelemetry/api` module; default: imported on first use (an optional peer dependency of core). */
  api?: OpenTelemetryApi;
  /** Where spans go; default: the global tracer provider registered with the API. */
  tracerProvider?: { getTracer(name: string, version?: string): OtelTracer };
  /** Where metrics go; default: the global meter provider. */
  meterProvider?: { getMeter(name: string, version?: string): OtelMeter };
}
/** What the bridge needs of a gateway. */
export interface ObservableGateway {
  observe(listener: GatewayListener): () => void;
  health(): Promise<GatewayHealth>;
}

const SCOPE = '@loket/core';
const SPAN_KIND = { PRODUCER: 3, CONSUMER: 4 } as const;
const STATUS_ERROR = 2;

async function loadApi(): Promise<OpenTelemetryApi> {
  try {
    return (await import('@opentelemetry/api')) as unknown as OpenTelemetryApi;
  } catch (cause) {
    const text = '@opentelemetry/api is not installed: npm install @opentelemetry/api (or pass { api })';
    throw new LoketError('CONFIG', loketMessage('gateway', text), { cause });
  }
}

function spanFor(tracer: OtelTracer, op: 'receive' | 'process' | 'send', channel: string, ms: number, a: Attributes) {
  const end = Date.now();
  const attributes: Attributes = {
    'messaging.system': 'loket',
    'messaging.operation.type': op,
    'messaging.operation.name': op,
    'messaging.destination.name': channel,
    'loket.channel': channel,
    ...a,
  };
  const kind = op === 'send' ? SPAN_KIND.PRODUCER : SPAN_KIND.CONSUMER;
  const span = tracer.startSpan(`${op} ${channel}`, { kind, startTime: end - ms, attributes });
  if (a['error.type'] !== undefined) span.setStatus({ code: STATUS_ERROR, message: String(a['error.type']) });
  span.end(end);
}

/**
 * Bridges `gateway.observe` to OpenTelemetry: spans `receive`, `process` and `send` (messaging semantic
 * conventions, kinds CONSUMER / PRODUCER) and metrics — ack duration, refusals by reason, dedupe hits, event
 * outcomes and lag, sends by outcome and code (window and consent refusals among them), rate-limit waits, delivery
 * statuses, queue depth. Attributes carry channels, types, codes and reasons only: never a user, conversation or
 * message id. Answers the function that stops it.
 *
 * @example
 * import * as otel from '@opentelemetry/api';
 * const stop = await instrumentOpenTelemetry(gateway, { api: otel });
 */
export async function instrumentOpenTelemetry(
  gateway: ObservableGateway,
  options: OpenTelemetryOptions = {},
): Promise<() => void> {
  const api = options.api ?? (await loadApi());
  const tracer = (options.tracerProvider ?? api.trace).getTracer(SCOPE);
  const meter = (options.meterProvider ?? api.metrics).getMeter(SCOPE);
  const ms = { unit: 'ms' };
  const m = {
    ack: meter.createHistogram('loket.webhook.ack.duration', { ...ms, description: 'Time to answer a webhook' }),
    refusals: meter.createCounter('loket.webhook.refusals', { description: 'Webhooks refused, by reason' }),
    duplicates: meter.createCounter('loket.event.duplicates', { description: 'Redelivered events skipped' }),
    events: meter.createCounter('loket.events', { description: 'Events by outcome: handled, retried, failed' }),
    lag: meter.createHistogram('loket.event.lag', { ...ms, description: 'Platform time to handled' }),
    deadLetters: meter.createCounter('loket.requests.dead_lettered', { description: 'Requests dead-lettered' }),
    sends: meter.createCounter('loket.sends', { description: 'Sends by outcome and code' }),
    sendTime: meter.createHistogram('loket.send.duration', { ...ms, description: 'Send time, pacing included' }),
    paced: meter.createHistogram('loket.pacing.wait', { ...ms, description: 'Waits for a rate limit' }),
    statuses: meter.createCounter('loket.statuses', { description: 'Delivery statuses received' }),
  };
  const depth = meter.createObservableGauge('loket.queue.depth', { description: 'Items in the inbox and outbox' });
  let stopped = false;
  depth.addCallback(async (result) => {
    if (stopped) return;
    const health = await gateway.health();
    if (health.inbox) {
      result.observe(health.inbox.pending, { queue: 'inbox', state: 'pending' });
      result.observe(health.inbox.leased, { queue: 'inbox', state: 'leased' });
      result.observe(health.inbox.deadLetters, { queue: 'inbox', state: 'dead' });
    }
    if (health.outbox) {
      result.observe(health.outbox.pending, { queue: 'outbox', state: 'pending' });
      result.observe(health.outbox.leased, { queue: 'outbox', state: 'leased' });
    }
  });

  const onSignal = (s: GatewaySignal): unknown => {
    switch (s.type) {
      case 'webhook.accepted':
        m.ack.record?.(s.ackMs, { 'loket.channel': s.channel, outcome: 'accepted' });
        return spanFor(tracer, 'receive', s.channel, s.ackMs, {});
      case 'webhook.refused': {
        const channel = s.channel ?? 'unknown';
        m.ack.record?.(s.ackMs, { 'loket.channel': channel, outcome: 'refused' });
        m.refusals.add?.(1, { 'loket.channel': channel, reason: s.reason });
        return spanFor(tracer, 'receive', channel, s.ackMs, { 'error.type': s.reason });
      }
      case 'event.duplicate':
        return m.duplicates.add?.(1);
      case 'event.handled':
        m.events.add?.(1, { 'loket.channel': s.channel, 'loket.event.type': s.eventType, outcome: 'handled' });
        if (s.lagMs !== undefined)
          m.lag.record?.(s.lagMs, { 'loket.channel': s.channel, 'loket.event.type': s.eventType });
        return spanFor(tracer, 'process', s.channel, s.durationMs, {
          'loket.event.type': s.eventType,
          'loket.attempt': s.attempt,
        });
      case 'event.failed': {
        const outcome = s.willRetry ? 'retried' : 'failed';
        m.events.add?.(1, { 'loket.channel': s.channel, 'loket.event.type': s.eventType, outcome });
        const attrs = { 'loket.event.type': s.eventType, 'loket.attempt': s.attempt, 'error.type': 'handler' };
        return spanFor(tracer, 'process', s.channel, s.durationMs, attrs);
      }
      case 'request.dead-lettered':
        return m.deadLetters.add?.(1);
      case 'status.received':
        return m.statuses.add?.(1, { 'loket.channel': s.channel, status: s.status });
      case 'send.accepted':
        m.sends.add?.(1, { 'loket.channel': s.channel, outcome: 'accepted', degraded: s.degraded });
        m.sendTime.record?.(s.durationMs, { 'loket.channel': s.channel });
        return spanFor(tracer, 'send', s.channel, s.durationMs, { 'loket.content.type': s.contentType });
      case 'send.refused':
        m.sends.add?.(1, { 'loket.channel': s.channel, outcome: 'refused', code: s.code });
        return spanFor(tracer, 'send', s.channel, 0, { 'loket.content.type': s.contentType, 'error.type': s.code });
      case 'send.failed':
        m.sends.add?.(1, { 'loket.channel': s.channel, outcome: 'failed', code: s.code });
        m.sendTime.record?.(s.durationMs, { 'loket.channel': s.channel });
        return spanFor(tracer, 'send', s.channel, s.durationMs, {
          'loket.content.type': s.contentType,
          'error.type': s.code,
        });
      case 'send.paced':
        return m.paced.record?.(s.waitMs, { 'loket.channel': s.channel, limit: s.limit });
      default:
        return undefined;
    }
  };
  const unsubscribe = gateway.observe(onSignal);
  return () => {
    stopped = true;
    unsubscribe();
  };
}
