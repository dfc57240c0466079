// The printed result: per target, the ratios Loket / baseline, and the goals.
import { cpus } from 'node:os';
import type { TargetResult } from './measure.js';
import type { BenchOptions } from './options.js';

/** The figures compared between the targets. */
export interface Figures {
  held: number;
  heldAtEnd: number;
  connectSeconds: number;
  rssPerConnection: number;
  heapPerConnection: number;
  p50: number;
  p99: number;
  max: number;
  received: number;
  expected: number;
  sendsPerSecond: number;
  maxSendLagMs: number;
}

/** The whole result, as `--json` prints it. */
export interface BenchReport {
  options: Omit<BenchOptions, 'json'>;
  machine: { node: string; cpus: number; date: string };
  baseline: Figures;
  loket: Figures;
  /** loket / baseline. */
  ratios: { held: number; rssPerConnection: number; heapPerConnection: number; p50: number; p99: number };
  goals: { connections: boolean; p99Under50ms: boolean; memoryWithin2x: boolean };
}

function figuresOf(r: TargetResult): Figures {
  const held = Math.max(1, r.connect.held);
  return {
    held: r.connect.held,
    heldAtEnd: r.latency.held,
    connectSeconds: r.connect.seconds,
    rssPerConnection: (r.loaded.rss - r.idle.rss) / held,
    heapPerConnection: (r.loaded.heapUsed - r.idle.heapUsed) / held,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    received: r.latency.received,
    expected: r.latency.expected,
    sendsPerSecond: r.fanout.sent / r.fanout.seconds,
    maxSendLagMs: r.fanout.maxLagMs,
  };
}

/** Derives the figures, ratios and goals of a run from both targets' results. */
export function buildReport(results: TargetResult[], options: BenchOptions): BenchReport {
  const { json: _json, ...rest } = options;
  const of = (name: string) => figuresOf(results.find((r) => r.target === name)!);
  const baseline = of('baseline');
  const loket = of('loket');
  const ratio = (k: keyof Figures) => loket[k] / baseline[k];
  return {
    options: rest,
    machine: { node: process.version, cpus: cpus().length, date: new Date().toISOString() },
    baseline,
    loket,
    ratios: {
      held: ratio('held'),
      rssPerConnection: ratio('rssPerConnection'),
      heapPerConnection: ratio('heapPerConnection'),
      p50: ratio('p50'),
      p99: ratio('p99'),
    },
    goals: {
      connections: loket.held >= options.connections && loket.heldAtEnd >= options.connections,
      p99Under50ms: loket.p99 < 50,
      memoryWithin2x: ratio('rssPerConnection') <= 2,
    },
  };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (v: number) => `${v.toFixed(2)} ms`;
const times = (v: number) => `${v.toFixed(2)}×`;

/** The report as a table for the terminal. */
export function formatReport(report: BenchReport): string {
  const { options: o, baseline: b, loket: l, ratios: x, goals } = report;
  const rows: [string, string, string, string][] = [
    ['connections held', `${b.held} (${b.heldAtEnd} at end)`, `${l.held} (${l.heldAtEnd} at end)`, times(x.held)],
    ['time to open all', `${b.connectSeconds.toFixed(1)} s`, `${l.connectSeconds.toFixed(1)} s`, ''],
    ['memory / conn (RSS)', kib(b.rssPerConnection), kib(l.rssPerConnection), times(x.rssPerConnection)],
    ['memory / conn (heap)', kib(b.heapPerConnection), kib(l.heapPerConnection), times(x.heapPerConnection)],
    ['fan-out p50', ms(b.p50), ms(l.p50), times(x.p50)],
    ['fan-out p99', ms(b.p99), ms(l.p99), times(x.p99)],
    ['fan-out max', ms(b.max), ms(l.max), ''],
    ['frames received', `${b.received}/${b.expected}`, `${l.received}/${l.expected}`, ''],
    ['sends/s (worst lag)', sends(b), sends(l), ''],
  ];
  const widths = [22, 24, 24, 14];
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('');
  const check = (ok: boolean) => (ok ? 'met' : 'NOT met');
  return [
    `web chat fan-out: ${o.connections} connections, ${o.tabs} per conversation, ` +
      `${o.rate} agent messages/s for ${o.seconds} s (after ${o.warmup} s warm-up)`,
    `node ${report.machine.node}, ${report.machine.cpus} cpus, ${report.machine.date}`,
    '',
    line(['', 'baseline (bare ws)', 'loket webchat', 'loket/baseline']),
    ...rows.map(line),
    '',
    `goal ${o.connections} connections held by one process: ${check(goals.connections)} (${l.heldAtEnd})`,
    `goal fan-out p99 < 50 ms: ${check(goals.p99Under50ms)} (${ms(l.p99)})`,
    `goal memory per connection within 2× the baseline: ${check(goals.memoryWithin2x)} (${times(x.rssPerConnection)})`,
  ].join('\n');
}

function sends(f: Figures): string {
  return `${f.sendsPerSecond.toFixed(1)} (${ms(f.maxSendLagMs)})`;
}
