import type { LogEntry } from '@loket/core';

/** A log entry as the protocol shows it (`GET events`, `{t:'event', e}`). */
export interface WireEvent {
  seq: number;
  kind: string;
  at: number;
  data: unknown;
}

/** Server → client frames, on both transports. */
export type ServerFrame =
  | { t: 'event'; e: WireEvent }
  | { t: 'ready'; head: number }
  | { t: 'reset'; head: number }
  | { t: 'typing'; on: boolean }
  | { t: 'hb' };

/** The wire form of a log entry (the idempotency key stays inside the store). */
export function toWire(entry: LogEntry): WireEvent {
  return { seq: entry.seq, kind: entry.kind, at: entry.at, data: entry.data };
}
