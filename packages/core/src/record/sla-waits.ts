import type { BusinessHours } from '../hours/business-hours.js';
import { type ConversationRef, conversationKey } from '../model/conversation.js';
import { businessSeconds, calendarSeconds } from './sla-duration.js';

/** An entry as the service-level functions read it: any log or history entry (out of order is fine). */
export interface SlaEntry {
  at: number;
  kind: string;
  data: unknown;
  seq?: number;
  /** Set on `gateway.history` entries; entries without one count as one conversation. */
  conversation?: ConversationRef;
}

/** A wait for a human: for a first response, or for the reply to a run of customer messages. */
export interface Wait {
  kind: 'first-response' | 'reply';
  conversation?: ConversationRef;
  /** When the clock started (ms). */
  start: number;
  /** When a human answered (ms); undefined while unanswered. */
  end?: number;
  /** Until `end`, or until the `asOf` moment while unanswered. */
  calendarSeconds: number;
  /** The same in opening time, when business hours were given. */
  businessSeconds?: number;
  /** A handover back to the bot ended the wait unanswered at this moment (nobody will answer it now). */
  closedAt?: number;
}

/** Options of the wait functions. */
export interface WaitOptions {
  /** Count opening time as well (`businessSeconds`). */
  hours?: BusinessHours;
  /** The moment unanswered waits are measured to (default: the latest entry). */
  asOf?: number;
}

interface OpenWait {
  kind: Wait['kind'];
  start: number;
  end?: number;
  closedAt?: number;
}

const authorOf = (e: SlaEntry): string | undefined => {
  if (e.kind !== 'message' || typeof e.data !== 'object' || e.data === null) return undefined;
  const data = e.data as { author?: { kind?: unknown }; private?: unknown };
  // A private note is not an answer the customer sees.
  if (data.private === true) return undefined;
  return typeof data.author?.kind === 'string' ? data.author.kind : undefined;
};

const handoverTo = (e: SlaEntry): string | undefined => {
  if (e.kind !== 'handover' || typeof e.data !== 'object' || e.data === null) return undefined;
  const { from, to } = e.data as { from?: unknown; to?: unknown };
  return from === to || typeof to !== 'string' ? undefined : to;
};

/** Entries in time order (seq breaks ties), so a shuffled export gives the same waits. */
function sorted(entries: SlaEntry[]): SlaEntry[] {
  return [...entries].sort((a, b) => a.at - b.at || (a.seq ?? 0) - (b.seq ?? 0));
}

/**
 * The waits of one conversation. First response: the clock starts at the first customer message, restarts at a
 * handoff to a human, and starts anew at the first customer message after the conversation went back to the bot
 * (a reopening); it stops at the first reply by an agent. Reply: the oldest unanswered customer message of a run
 * (or the handoff, when later) until the next agent reply. Bot, system and auto-replies stop no clock. A handover
 * back to the bot ends open waits: those already answered stay, the others are kept as unanswered at that moment.
 */
function conversationWaits(entries: SlaEntry[]): OpenWait[] {
  const waits: OpenWait[] = [];
  let first: OpenWait | undefined;
  let reply: OpenWait | undefined;
  let closed = false;
  const close = (w: OpenWait | undefined, at: number) => {
    if (w && w.end === undefined && w.closedAt === undefined) w.closedAt = at;
  };
  for (const e of sorted(entries)) {
    const author = authorOf(e);
    const to = handoverTo(e);
    if (author === 'customer') {
      if (!first || closed) {
        first = { kind: 'first-response', start: e.at };
        waits.push(first);
        closed = false;
      }
      if (!reply) {
        reply = { kind: 'reply', start: e.at };
        waits.push(reply);
      }
    } else if (author === 'agent') {
      if (first && first.end === undefined && !closed) first.end = e.at;
      if (reply) {
        reply.end = e.at;
        reply = undefined;
      }
    } else if (to === 'human') {
      if (first && first.end === undefined && !closed) first.start = e.at;
      else {
        first = { kind: 'first-response', start: e.at };
        waits.push(first);
      }
      closed = false;
      if (reply) reply.start = Math.max(reply.start, e.at);
    } else if (to === 'bot') {
      close(first, e.at);
      close(reply, e.at);
      reply = undefined;
      closed = true;
    }
  }
  return waits;
}

/** Groups entries by conversation. */
function byConversation(entries: SlaEntry[]): Map<string, { ref?: ConversationRef; entries: SlaEntry[] }> {
  const groups = new Map<string, { ref?: ConversationRef; entries: SlaEntry[] }>();
  for (const e of entries) {
    const key = e.conversation ? conversationKey(e.conversation) : '';
    let group = groups.get(key);
    if (!group) {
      group = e.conversation ? { ref: e.conversation, entries: [] } : { entries: [] };
      groups.set(key, group);
    }
    group.entries.push(e);
  }
  return groups;
}

/**
 * Every wait for a human in the entries (several conversations may be mixed), with calendar and business-hours
 * durations. Unanswered waits are measured to `asOf`.
 */
export function waits(entries: SlaEntry[], options: WaitOptions = {}): Wait[] {
  const asOf = options.asOf ?? Math.max(Number.NEGATIVE_INFINITY, ...entries.map((e) => e.at));
  const out: Wait[] = [];
  for (const { ref, entries: own } of byConversation(entries).values()) {
    for (const w of conversationWaits(own)) {
      // A wait that a handover back to the bot ended unanswered is measured to that moment.
      const until = w.end ?? w.closedAt ?? Math.max(w.start, asOf);
      const wait: Wait = { kind: w.kind, start: w.start, calendarSeconds: calendarSeconds(w.start, until) };
      if (ref) wait.conversation = ref;
      if (w.end !== undefined) wait.end = w.end;
      if (w.closedAt !== undefined) wait.closedAt = w.closedAt;
      if (options.hours) wait.businessSeconds = businessSeconds(options.hours, w.start, until);
      out.push(wait);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** First-response waits (see {@link waits}). */
export function firstResponses(entries: SlaEntry[], options?: WaitOptions): Wait[] {
  return waits(entries, options).filter((w) => w.kind === 'first-response');
}

/** Reply waits, one per run of customer messages (see {@link waits}). */
export function replyTimes(entries: SlaEntry[], options?: WaitOptions): Wait[] {
  return waits(entries, options).filter((w) => w.kind === 'reply');
}
