/** The receipts body: the customer's delivered and read watermarks (seqs of the log). */
export interface ReceiptsBody {
  deliveredSeq: number;
  readSeq: number;
}

/**
 * The customer's delivered / read watermarks. Delivered follows what arrived; read only advances while the chat
 * is open and the page visible. Posts are coalesced so a burst of messages costs one request.
 */
export class Watermarks {
  open = false;
  visible = true;
  onUnread: (count: number) => void = () => {};
  private incomingSeqs: number[] = [];
  private delivered = 0;
  private read = 0;
  private posted = { deliveredSeq: 0, readSeq: 0 };
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly post: (body: ReceiptsBody) => Promise<unknown>) {}

  /** A business-side message arrived at this seq. */
  incoming(seq: number): void {
    this.incomingSeqs.push(seq);
    this.delivered = Math.max(this.delivered, seq);
    this.push();
  }

  /** The log says the customer (in another tab or device) already got this far. */
  seen(delivered: number | undefined, read: number | undefined): void {
    this.posted.deliveredSeq = Math.max(this.posted.deliveredSeq, delivered ?? 0);
    this.read = Math.max(this.read, read ?? 0);
    this.posted.readSeq = Math.max(this.posted.readSeq, this.read);
    this.reportUnread();
  }

  /** Re-evaluates what to post (after a change of open, visible or a new message). */
  push(): void {
    if (this.open && this.visible) this.read = Math.max(this.read, this.delivered);
    this.reportUnread();
    if (this.delivered <= this.posted.deliveredSeq && this.read <= this.posted.readSeq) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), 200);
  }

  get unread(): number {
    return this.incomingSeqs.filter((s) => s > this.read).length;
  }

  clear(): void {
    this.stop();
    this.incomingSeqs = [];
    this.delivered = 0;
    this.read = 0;
    this.posted = { deliveredSeq: 0, readSeq: 0 };
    this.reportUnread();
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private reportUnread(): void {
    this.onUnread(this.unread);
  }

  private flush(): void {
    const body = { deliveredSeq: this.delivered, readSeq: this.read };
    this.post(body).then(
      () => {
        this.posted = {
          deliveredSeq: Math.max(this.posted.deliveredSeq, body.deliveredSeq),
          readSeq: Math.max(this.posted.readSeq, body.readSeq),
        };
      },
      () => {
        // Receipts are advisory; the next change posts the watermarks again.
      },
    );
  }
}
