import { LoketError, loketMessage } from '../errors.js';
import type { BusinessHours } from '../hours/business-hours.js';
import type { ChannelId } from '../model/conversation.js';
import { type SlaEntry, type Wait, waits } from './sla-waits.js';

/** A service-level target: `percent` of waits answered within `withinSeconds`. */
export interface SlaTarget {
  percent: number;
  withinSeconds: number;
}

/** Options of {@link slaReport}. */
export interface SlaReportOptions {
  target: SlaTarget;
  /** Count opening time only (a wait that starts while closed starts at the next opening). */
  hours?: BusinessHours;
  /** Waits whose clock started at or after this moment (ms). Default: all. */
  from?: number;
  /** The report's moment: waits started before it; later answers count as unanswered. Default: the latest entry. */
  to?: number;
}

/** Service-level figures for one kind of wait. Durations in seconds (opening time when `hours` was given). */
export interface SlaFigures {
  /** Answered within the target. */
  answeredWithin: number;
  /** Answered, in all (within the target or later). */
  answered: number;
  /** Unanswered and already past the target: they count against the service level. */
  breached: number;
  /** Unanswered, still within the target: not counted yet. */
  pending: number;
  /** answeredWithin ÷ (answered + breached), in percent; null when there is nothing to count. */
  serviceLevel: number | null;
  /** serviceLevel ≥ target.percent; null when there is nothing to count. */
  met: boolean | null;
  /** Median and 90th percentile (nearest rank) of the answered waits; null when none was answered. */
  p50: number | null;
  p90: number | null;
}

/** Figures for first responses (the headline) with the reply times per run of customer messages beside them. */
export interface SlaChannelReport extends SlaFigures {
  /** How many conversations had a wait in the period. */
  conversations: number;
  replies: SlaFigures;
}

/** What {@link slaReport} answers. */
export interface SlaReport extends SlaChannelReport {
  target: SlaTarget;
  from?: number;
  to: number;
  businessHours: boolean;
  /** The same figures as the report's own, over every channel (for symmetry with `byChannel`). */
  overall: SlaChannelReport;
  byChannel: Partial<Record<ChannelId, SlaChannelReport>>;
}

/** The nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

function figures(list: Wait[], options: SlaReportOptions, to: number): SlaFigures {
  const T = options.target.withinSeconds;
  const seconds = (w: Wait) => (options.hours ? (w.businessSeconds ?? 0) : w.calendarSeconds);
  let answeredWithin = 0;
  let breached = 0;
  let pending = 0;
  const answeredTimes: number[] = [];
  for (const w of list) {
    const d = seconds(w);
    if (w.end !== undefined) {
      answeredTimes.push(d);
      if (d <= T) answeredWithin += 1;
    } else if (d > T) breached += 1;
    // A wait the bot took back within the target is neither answered nor owed any more.
    else if (w.closedAt === undefined || w.closedAt > to) pending += 1;
  }
  answeredTimes.sort((a, b) => a - b);
  const counted = answeredTimes.length + breached;
  const serviceLevel = counted === 0 ? null : (answeredWithin / counted) * 100;
  return {
    answeredWithin,
    answered: answeredTimes.length,
    breached,
    pending,
    serviceLevel,
    met: serviceLevel === null ? null : serviceLevel >= options.target.percent,
    p50: percentile(answeredTimes, 50),
    p90: percentile(answeredTimes, 90),
  };
}

function channelReport(list: Wait[], options: SlaReportOptions, to: number): SlaChannelReport {
  const first = list.filter((w) => w.kind === 'first-response');
  const keys = new Set(list.map((w) => (w.conversation ? JSON.stringify(w.conversation) : '')));
  return {
    ...figures(first, options, to),
    conversations: keys.size,
    replies: figures(
      list.filter((w) => w.kind === 'reply'),
      options,
      to,
    ),
  };
}

/**
 * The service level of a record: first response (the headline, with p50 and p90) and reply times per run of
 * customer messages, per channel and overall. Service level = answered within the target ÷ (answered +
 * unanswered past the target); unanswered waits still within the target are `pending`. Only agent replies stop a
 * clock; bots and auto-replies do not. Pure: works on `gateway.history` pages or an exported history alike.
 *
 * @example
 * const report = slaReport(await gateway.contacts.history('customer-42'), {
 *   target: { percent: 90, withinSeconds: 300 },
 *   hours: businessHours({ timeZone: 'Europe/Amsterdam', weekly: { mon: [['09:00', '17:00']] } }),
 * });
 * console.log(report.serviceLevel, report.met, report.p50, report.byChannel.whatsapp?.serviceLevel);
 */
export function slaReport(entries: SlaEntry[], options: SlaReportOptions): SlaReport {
  const { percent, withinSeconds } = options?.target ?? {};
  if (
    !(
      typeof percent === 'number' &&
      percent >= 0 &&
      percent <= 100 &&
      typeof withinSeconds === 'number' &&
      withinSeconds >= 0
    )
  ) {
    throw new LoketError(
      'BAD_REQUEST',
      loketMessage('sla', 'slaReport: target must be { percent: 0..100, withinSeconds: >= 0 }'),
    );
  }
  const to = options.to ?? Math.max(Number.NEGATIVE_INFINITY, ...entries.map((e) => e.at));
  const from = options.from ?? Number.NEGATIVE_INFINITY;
  const until = Number.isFinite(to) ? to : 0;
  // Answers after the report's moment are not known yet at that moment.
  const inPeriod = waits(
    entries.filter((e) => e.at <= until),
    options.hours ? { hours: options.hours, asOf: until } : { asOf: until },
  ).filter((w) => w.start >= from && w.start <= until);
  const byChannel: Partial<Record<ChannelId, SlaChannelReport>> = {};
  const channels = new Set(inPeriod.flatMap((w) => (w.conversation ? [w.conversation.channel] : [])));
  for (const channel of channels) {
    byChannel[channel] = channelReport(
      inPeriod.filter((w) => w.conversation?.channel === channel),
      options,
      until,
    );
  }
  const overall = channelReport(inPeriod, options, until);
  const report: SlaReport = {
    ...overall,
    overall,
    target: options.target,
    to: until,
    businessHours: options.hours !== undefined,
    byChannel,
  };
  if (options.from !== undefined) report.from = options.from;
  return report;
}
