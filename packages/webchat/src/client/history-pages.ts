import type { LogCursor } from './log-cursor.js';
import type { LogEvent } from './protocol.js';

type Page = { events: LogEvent[]; head: number } | undefined;

/** The history shown so far: where it begins, the newest page at start and the pages before it on demand. */
export class HistoryPages {
  /** The seq of the oldest entry shown; undefined before the first page. */
  oldest: number | undefined;

  constructor(private readonly before: (seq: number) => Promise<Page>) {}

  /** Loads the page up to `head` into `cursor` (live from there on); answers whether older pages exist. */
  async newest(head: number, cursor: LogCursor): Promise<boolean | undefined> {
    if (head <= cursor.lastSeq) return undefined;
    const page = await this.before(head + 1);
    const first = page?.events.reduce((min, e) => Math.min(min, e.seq), head + 1) ?? head + 1;
    if (cursor.lastSeq < first - 1) cursor.lastSeq = first - 1;
    this.oldest = Math.min(this.oldest ?? first, first);
    cursor.accept(page?.events ?? []);
    return first > 1;
  }

  /** Loads the page before the oldest entry shown, oldest first, through `apply`; answers whether there is more. */
  async older(apply: (e: LogEvent) => void): Promise<boolean | undefined> {
    if (this.oldest === undefined || this.oldest <= 1) return undefined;
    const page = await this.before(this.oldest);
    const events = (page?.events ?? []).filter((e) => e.seq < (this.oldest ?? 0)).sort((a, b) => a.seq - b.seq);
    for (const e of events) apply(e);
    this.oldest = events[0]?.seq ?? 1;
    return events.length > 0 && this.oldest > 1;
  }
}
