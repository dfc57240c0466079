import type { LogEvent } from './protocol.js';

/**
 * Applies the conversation log exactly once and in seq order, whatever order and however often events arrive:
 * a replayed event is dropped, an early one waits until the gap before it is filled.
 */
export class LogCursor {
  private readonly pending = new Map<number, LogEvent>();

  constructor(
    private readonly apply: (event: LogEvent) => void,
    /** The highest seq applied; events at or below it are duplicates. */
    public lastSeq = 0,
  ) {}

  /** Takes events from any source; returns true while a gap keeps some of them waiting. */
  accept(events: Iterable<LogEvent>): boolean {
    for (const e of events) if (e.seq > this.lastSeq) this.pending.set(e.seq, e);
    this.drain();
    return this.pending.size > 0;
  }

  /** The lowest seq still waiting behind a gap, if any. */
  get waitingFrom(): number | undefined {
    let min: number | undefined;
    for (const seq of this.pending.keys()) if (min === undefined || seq < min) min = seq;
    return min;
  }

  /** Gives up on a gap the server cannot fill (never for a healthy log): what waits behind it is applied. */
  skipGap(): void {
    const from = this.waitingFrom;
    if (from === undefined) return;
    this.lastSeq = from - 1;
    this.drain();
  }

  private drain(): void {
    for (let next = this.pending.get(this.lastSeq + 1); next; next = this.pending.get(this.lastSeq + 1)) {
      this.pending.delete(next.seq);
      this.lastSeq = next.seq;
      this.apply(next);
    }
  }
}
