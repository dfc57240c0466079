import type { ServerFrameOf } from '../protocol-frames.js';
import type { LogEntry } from '@loket/core';

/** A log entry as the protocol shows it (`GET events`, `{t:'event', e}`). */
export interface WireEvent {
  seq: number;
  kind: string;
  at: number;
  data: unknown;
}

/** Server → client frames, on both transports. */
export type ServerFrame = ServerFrameOf<WireEvent>;

/** The wire form of a log entry (the idempotency key stays inside the store). */
export function toWire(entry: LogEntry): WireEvent {
  return { seq: entry.seq, kind: entry.kind, at: entry.at, data: entry.data };
}
