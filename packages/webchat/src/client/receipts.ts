import type { StatusChange } from './client-options.js';
import type { ChatMessage } from './transcript.js';

/** A receipt from the log: whose it is, and the seqs it moves the watermarks to. */
export interface Receipt {
  /** `customer`: the customer's own receipt (from another tab or device); `business`: the business read theirs. */
  by: 'customer' | 'business';
  delivered?: number;
  read?: number;
}

const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

/**
 * Reads a `receipt` log entry. A business receipt may name one message (`messageId` and `status`) instead of
 * seqs: `seqOf` finds that message's seq in the transcript.
 */
export function receiptOf(data: Record<string, unknown>, seqOf: (messageId: string) => number | undefined): Receipt {
  const who = data.author ?? data.by ?? data.reader ?? data.side;
  const kind = typeof who === 'object' && who !== null ? (who as { kind?: unknown }).kind : who;
  const receipt: Receipt = { by: kind === 'customer' ? 'customer' : 'business' };
  let delivered = num(data.deliveredSeq);
  let read = num(data.readSeq);
  if (receipt.by === 'business' && typeof data.messageId === 'string') {
    const seq = seqOf(data.messageId);
    if (seq !== undefined && data.status === 'delivered') delivered = seq;
    else if (seq !== undefined) read = seq;
  }
  if (delivered !== undefined) receipt.delivered = delivered;
  if (read !== undefined) receipt.read = read;
  return receipt;
}

/** The `status` events of the customer's messages: one each time a message's state changes, none for repeats. */
export class StatusChanges {
  private readonly last = new Map<string, string>();

  /** The `status` event for `m` in its current state, or undefined when it is not the customer's or not new. */
  changed(m: ChatMessage): StatusChange | undefined {
    if (m.author.kind !== 'customer' || this.last.get(m.key) === m.state) return undefined;
    this.last.set(m.key, m.state);
    const status: StatusChange = { key: m.key, state: m.state };
    if (m.clientMessageId) status.clientMessageId = m.clientMessageId;
    if (m.messageId) status.messageId = m.messageId;
    if (m.seq !== undefined) status.seq = m.seq;
    if (m.error) status.error = m.error;
    return status;
  }
}
