/** A server → client frame as the client sees it (loosely typed: tests assert on it). */
export interface ClientFrame {
  t: string;
  e?: { seq: number; kind: string; at: number; data: Record<string, unknown> };
  head?: number;
  on?: boolean;
  [key: string]: unknown;
}

/** Frames in arrival order, with a way to wait for the next one that matches. */
export class FrameQueue {
  readonly frames: ClientFrame[] = [];
  private readonly waiters: { test: (f: ClientFrame) => boolean; resolve: (f: ClientFrame) => void }[] = [];
  private cursor = 0;
  closed = false;

  push(frame: ClientFrame): void {
    this.frames.push(frame);
    this.flush();
  }

  private flush(): void {
    for (const waiter of [...this.waiters]) {
      const index = this.frames.findIndex((f, i) => i >= this.cursor && waiter.test(f));
      if (index === -1) continue;
      this.cursor = index + 1;
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(this.frames[index] as ClientFrame);
    }
  }

  /**
   * The next frame (after the last one returned) that matches; rejects after `timeoutMs` (a test guard, not a
   * timing assertion).
   */
  next(test: (f: ClientFrame) => boolean = () => true, timeoutMs = 5000): Promise<ClientFrame> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.waiters.findIndex((w) => w.resolve === done);
        if (i !== -1) this.waiters.splice(i, 1);
        reject(
          new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames.slice(this.cursor))}`),
        );
      }, timeoutMs);
      const done = (f: ClientFrame) => {
        clearTimeout(timer);
        resolve(f);
      };
      this.waiters.push({ test, resolve: done });
      this.flush();
    });
  }

  /** The seqs of the event frames received so far. */
  seqs(): number[] {
    return this.frames.flatMap((f) => (f.t === 'event' && f.e ? [f.e.seq] : []));
  }
}
