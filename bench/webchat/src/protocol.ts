// What the runner, the server processes and the load generator agree on: names, the stamp in each agent message,
// and the shapes they pass over IPC.

/** The two servers of one run: the bare `ws` baseline and Loket's webchat. */
export type TargetName = 'baseline' | 'loket';

/** The browser origin the load generator claims (and Loket allows). */
export const ORIGIN = 'https://shop.example';

/** The web chat site id: the `account` of every bench conversation. */
export const SITE_ID = 'bench';

/** `w`: warm-up (not measured); `m`: measured. */
export type Phase = 'w' | 'm';

/** Wall-clock milliseconds with sub-millisecond precision, comparable between processes on one machine. */
export function wallNow(): number {
  return performance.timeOrigin + performance.now();
}

/** The text of one agent message: its phase and the moment it was handed to the server's send. */
export function stampText(phase: Phase, index: number, at: number): string {
  return `bench:${phase}:${index}:${at.toFixed(3)}`;
}

/** Reads a stamp back; undefined for any other text. */
export function readStamp(text: unknown): { phase: Phase; at: number } | undefined {
  if (typeof text !== 'string' || !text.startsWith('bench:')) return undefined;
  const [, phase, , at] = text.split(':');
  return phase === 'w' || phase === 'm' ? { phase, at: Number(at) } : undefined;
}

/** A server process's memory (after a forced GC), in bytes. */
export interface MemorySnapshot {
  rss: number;
  heapUsed: number;
}

/** What the server's steady-rate sender is asked to do: `rate` messages a second for `seconds`, round-robin. */
export interface FanoutPlan {
  rate: number;
  seconds: number;
  phase: Phase;
  /** The keys the server addresses a group of connections by (a Loket contact id, or a baseline group name). */
  groups: string[];
}

/** What the sender did. */
export interface FanoutResult {
  sent: number;
  failed: number;
  seconds: number;
  /** Worst lateness of a send against its schedule (the server falling behind). */
  maxLagMs: number;
}

/** What the load generator is asked to open. */
export interface ConnectPlan {
  target: TargetName;
  /** `http://127.0.0.1:<port>` */
  url: string;
  connections: number;
  /** Connections per group (tabs and devices of one conversation). */
  tabs: number;
}

/** What the load generator opened. */
export interface ConnectResult {
  held: number;
  failed: number;
  firstError?: string;
  seconds: number;
  groups: string[];
}

/** Fan-out latency as the load generator saw it. */
export interface LatencyReport {
  /** Measured frames received, and how many the sends should have produced on the held connections. */
  received: number;
  expected: number;
  p50: number;
  p99: number;
  max: number;
  /** Connections still open at the end. */
  held: number;
}
