import { LoketError, loketMessage } from '../errors.js';
import type { WindowRule } from '../model/capabilities.js';
import type { OutboundMessage } from '../model/outbound.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** "24-hour", "7-day", "90-minute": how long a window is, for messages. */
export function describeDuration(ms: number): string {
  if (ms % DAY === 0 && ms >= 2 * DAY) return `${ms / DAY}-day`;
  if (ms % HOUR === 0) return `${ms / HOUR}-hour`;
  return `${Math.round(ms / 60_000)}-minute`;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Where a conversation stands in its free-form customer-service window. */
export interface CustomerServiceWindow {
  /** A free-form message may be sent now. */
  open: boolean;
  /** When the window closes (or closed), ms; undefined while the customer has not written. */
  closesAt: number | undefined;
}

/**
 * The free-form customer-service window (PLATFORM_RULES §1.6: `freeFormMs` from the customer's last message), from
 * the store's `lastInboundAt`: the fact {@link checkWindow} decides with, for anything that shows it (the dev console).
 *
 * @example
 * customerServiceWindow(capabilities.window, state?.lastInboundAt, Date.now()).open;
 */
export function customerServiceWindow(
  rule: WindowRule,
  lastInboundAt: number | undefined,
  now: number,
): CustomerServiceWindow {
  if (lastInboundAt === undefined) return { open: false, closesAt: undefined };
  return { open: now - lastInboundAt <= rule.freeFormMs, closesAt: lastInboundAt + rule.freeFormMs };
}

interface WindowFacts {
  channel: string;
  rule: WindowRule;
  lastInboundAt: number | undefined;
  now: number;
}

/**
 * The customer-service window (PLATFORM_RULES §1.6, §2.6, §3.6): free-form messages only within `freeFormMs` of the
 * customer's last message; `tag: 'human_agent'` within `humanAgentMs`; templates anywhere where `templatesOutside`.
 * Throws OUTSIDE_WINDOW saying when the window closed and what is allowed instead.
 */
export function checkWindow(message: OutboundMessage, facts: WindowFacts): void {
  const { rule, lastInboundAt: last, now } = facts;
  if (message.content.type === 'template' && rule.templatesOutside) return;
  if (customerServiceWindow(rule, last, now).open) return;
  const humanUntil = last !== undefined && rule.humanAgentMs !== undefined ? last + rule.humanAgentMs : undefined;
  if (message.tag === 'human_agent' && humanUntil !== undefined && now <= humanUntil) return;
  throw outsideWindow(message, facts, humanUntil);
}

function outsideWindow(message: OutboundMessage, facts: WindowFacts, humanUntil: number | undefined): LoketError {
  const { rule, lastInboundAt: last, now, channel } = facts;
  const closedAt = last === undefined ? undefined : last + rule.freeFormMs;
  const reasons = [
    closedAt === undefined || last === undefined
      ? 'the customer has not written yet, so no customer-service window is open'
      : `the ${describeDuration(rule.freeFormMs)} customer-service window closed at ${iso(closedAt)} (the customer last wrote at ${iso(last)})`,
  ];
  if (message.tag === 'human_agent' && humanUntil !== undefined) {
    reasons.push(`the human-agent window closed at ${iso(humanUntil)}`);
  }
  const allowed: string[] = [];
  const instead: string[] = [];
  if (rule.templatesOutside) {
    allowed.push('template');
    instead.push('send an approved message template');
  }
  if (humanUntil !== undefined && now <= humanUntil) {
    allowed.push('human_agent');
    instead.push(`a human agent may answer with tag: 'human_agent' until ${iso(humanUntil)}`);
  }
  if (instead.length === 0) instead.push('wait for the customer to write again');
  return new LoketError('OUTSIDE_WINDOW', loketMessage(channel, `${reasons.join('; ')}: ${instead.join(', or ')}`), {
    channel,
    retryable: false,
    details: {
      ...(closedAt === undefined ? {} : { closedAt: iso(closedAt), lastInboundAt: iso(closedAt - rule.freeFormMs) }),
      ...(humanUntil === undefined ? {} : { humanAgentUntil: iso(humanUntil) }),
      allowed,
    },
  });
}
