import * as otel from '@opentelemetry/api';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it } from 'vitest';
import { instrumentOpenTelemetry } from './open-telemetry.js';
import { eventually, type Harness, harness, signedPost } from '../test-support/test-harness.js';

const USER = 'user-4711-private';
const ACCOUNT = 'acct-0815-private';

describe('instrumentOpenTelemetry (the real SDK, in-memory exporters)', () => {
  let h: Harness;
  afterEach(() => h.gateway.close());

  it('records receive, process and send spans and the metrics, with no user or conversation id anywhere', async () => {
    const spans = new InMemorySpanExporter();
    const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
    const metrics = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
    const reader = new PeriodicExportingMetricReader({ exporter: metrics, exportIntervalMillis: 3_600_000 });
    const meterProvider = new MeterProvider({ readers: [reader] });
    h = harness();
    const stop = await instrumentOpenTelemetry(h.gateway, { api: otel, tracerProvider, meterProvider });
    h.gateway.on('message', async (_event, ctx) => {
      await ctx.reply({ type: 'text', text: 'thanks' });
    });
    await h.gateway.start();
    await h.post([{ id: 'm1', kind: 'text', user: USER, text: 'hi', ts: 1 }], ACCOUNT);
    await h.post([{ id: 'm1', kind: 'text', user: USER, text: 'hi', ts: 1 }], ACCOUNT);
    await h.gateway.fetch(signedPost('{}', { secret: 'forged' }));
    await eventually(() => expect(spans.getFinishedSpans().some((s) => s.name === 'send webchat')).toBe(true));
    await eventually(async () =>
      expect((await h.store.inbox.stats()).pending + (await h.store.inbox.stats()).leased).toBe(0),
    );
    await meterProvider.forceFlush();

    const names = spans.getFinishedSpans().map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['receive webchat', 'process webchat', 'send webchat']));
    const receive = spans.getFinishedSpans().find((s) => s.name === 'receive webchat');
    expect(receive?.kind).toBe(otel.SpanKind.CONSUMER);
    expect(receive?.attributes['messaging.operation.type']).toBe('receive');
    expect(spans.getFinishedSpans().find((s) => s.name === 'send webchat')?.kind).toBe(otel.SpanKind.PRODUCER);

    const exported = metrics.getMetrics().flatMap((r) => r.scopeMetrics.flatMap((s) => s.metrics));
    const byName = new Map(exported.map((metric) => [metric.descriptor.name, metric]));
    for (const name of [
      'loket.webhook.ack.duration',
      'loket.webhook.refusals',
      'loket.event.duplicates',
      'loket.events',
      'loket.sends',
      'loket.queue.depth',
    ]) {
      expect(byName.has(name), name).toBe(true);
    }
    const refusal = byName.get('loket.webhook.refusals')?.dataPoints[0];
    expect(refusal?.attributes).toEqual({ 'loket.channel': 'webchat', reason: 'signature' });

    const everything = JSON.stringify([
      spans.getFinishedSpans().map((s) => ({ name: s.name, attributes: s.attributes })),
      exported.map((metric) => metric.dataPoints.map((p) => p.attributes)),
    ]);
    expect(everything).not.toContain(USER);
    expect(everything).not.toContain(ACCOUNT);
    stop();
    await meterProvider.shutdown();
  });
});
