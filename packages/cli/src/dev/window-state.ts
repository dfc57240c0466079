import { customerServiceWindow, type WindowRule } from '@loket/core';

/** A conversation's customer-service window as the console shows it. */
export interface WindowState {
  state: 'open' | 'closed' | 'none';
  /** When the free-form window closes (or closed), ms. */
  closesAt?: number;
  /** `open, closes in 3 h`, `closed 2 h ago`, `closed: the customer has not written`, `no window on this channel`. */
  label: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function span(ms: number): string {
  if (ms >= 2 * HOUR) return `${Math.floor(ms / HOUR)} h`;
  if (ms >= HOUR) {
    const minutes = Math.floor((ms % HOUR) / MINUTE);
    return `1 h${minutes > 0 ? ` ${minutes} min` : ''}`;
  }
  return `${Math.max(1, Math.ceil(ms / MINUTE))} min`;
}

/**
 * The window from the store's `lastInboundAt` and the adapter's window rule (capabilities.window), decided by the
 * core's own check (PLATFORM_RULES §1.6: 24 h from the customer's last message), so the console never disagrees
 * with what a send would do.
 */
export function windowState(rule: WindowRule | null, lastInboundAt: number | undefined, now: number): WindowState {
  if (rule === null) return { state: 'none', label: 'no window on this channel' };
  const { open, closesAt } = customerServiceWindow(rule, lastInboundAt, now);
  if (closesAt === undefined) return { state: 'closed', label: 'closed: the customer has not written' };
  if (open) return { state: 'open', closesAt, label: `open, closes in ${span(closesAt - now)}` };
  return { state: 'closed', closesAt, label: `closed ${span(now - closesAt)} ago` };
}
