import { z } from 'zod';
import { LoketError, loketMessage } from '../errors.js';
import { dateOf, dayOf, isTimeZone, weekdayOf, zone } from './zoned-time.js';

/** A day of the week. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Opening hours in one IANA time zone. */
export interface BusinessHoursOptions {
  /** An IANA zone, `Europe/Amsterdam`: hours follow its DST rules. */
  timeZone: string;
  /** Open intervals per weekday, `[['09:00', '17:00']]`; an end before the start runs past midnight
   *  (`['22:00', '02:00']`), `24:00` is the end of the day. */
  weekly: Partial<Record<Weekday, Array<[string, string]>>>;
  /** Closed dates, `YYYY-MM-DD` in the zone. An overnight interval belongs to the day it starts on. */
  holidays?: string[];
}

/** Answers "are we open?" for a moment. */
export interface BusinessHours {
  /** The IANA zone the hours are in; answers to customers (the auto-reply's `nextOpenText`) are written in it. */
  readonly timeZone: string;
  isOpen(at?: number): boolean;
  /** The first moment at or after `at` when open (searches 14 days ahead); undefined if none. */
  nextOpen(at?: number): number | undefined;
  /** A key naming the closed period that contains `at` (undefined when open). */
  closedPeriod(at?: number): string | undefined;
  /** The first moment at or after `at` when closed (searches 14 days ahead); undefined if none. */
  nextClose(at?: number): number | undefined;
}

const WEEKDAYS: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const SEARCH_DAYS = 14;
const clock = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'use HH:MM (00:00 to 24:00)');
const interval = z
  .tuple([clock, clock])
  .refine(([start, end]) => start !== end, 'an interval needs different start and end')
  .refine(([start]) => start !== '24:00', 'an interval cannot start at 24:00');

const optionsSchema = z.object({
  timeZone: z.string().refine(isTimeZone, 'not an IANA time zone this runtime knows'),
  weekly: z.partialRecord(z.enum(WEEKDAYS), z.array(interval)),
  holidays: z.array(z.string().refine((d) => dayOf(d) !== undefined, 'use a real date as YYYY-MM-DD')).optional(),
});

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Business hours in an IANA time zone, correct across DST changes (wall-clock times are read through Intl).
 *
 * @example
 * const hours = businessHours({
 *   timeZone: 'Europe/Amsterdam',
 *   weekly: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], sat: [['22:00', '02:00']] },
 *   holidays: ['2026-04-27'],
 * });
 * if (!hours.isOpen()) console.log('back at', new Date(hours.nextOpen() ?? 0));
 */
export function businessHours(options: BusinessHoursOptions): BusinessHours {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; ');
    throw new LoketError('CONFIG', loketMessage('hours', `businessHours options are not valid: ${issues}`));
  }
  const tz = zone(options.timeZone);
  const holidays = new Set((options.holidays ?? []).map((d) => dayOf(d)));
  const byWeekday = WEEKDAYS.map((name) =>
    (options.weekly[name] ?? []).map(([start, end]) => ({ start: minutesOf(start), end: minutesOf(end) })),
  );
  /** The intervals that start on a local day (none on a holiday). */
  const intervalsOn = (day: number) => (holidays.has(day) ? [] : (byWeekday[weekdayOf(day)] ?? []));

  function isOpen(at = Date.now()): boolean {
    const { day, minutes } = tz.wall(at);
    const today = intervalsOn(day).some(({ start, end }) =>
      end > start ? minutes >= start && minutes < end : minutes >= start,
    );
    return today || intervalsOn(day - 1).some(({ start, end }) => end < start && minutes < end);
  }

  function nextOpen(at = Date.now()): number | undefined {
    if (isOpen(at)) return at;
    const today = tz.wall(at).day;
    let best: number | undefined;
    for (let day = today - 1; day <= today + SEARCH_DAYS; day++) {
      for (const { start } of intervalsOn(day)) {
        for (const t of tz.instants(day, start)) {
          if (t > at && (best === undefined || t < best) && isOpen(t)) best = t;
        }
      }
      if (best !== undefined && day > today) break;
    }
    return best;
  }

  /** The local date of the latest closing at or before `at`, for closed stretches with no opening in sight. */
  function lastClose(at: number): string | undefined {
    const today = tz.wall(at).day;
    for (let day = today; day >= today - SEARCH_DAYS; day--) {
      const ends = intervalsOn(day)
        .map(({ start, end }) => (end > start ? day * 1440 + end : (day + 1) * 1440 + end))
        .filter((endMinute) => tz.instants(Math.floor(endMinute / 1440), endMinute % 1440)[0]! <= at);
      if (ends.length > 0) return dateOf(Math.floor(Math.max(...ends) / 1440));
    }
    return undefined;
  }

  function closedPeriod(at = Date.now()): string | undefined {
    if (isOpen(at)) return undefined;
    const next = nextOpen(at);
    return next === undefined ? `closed:${lastClose(at) ?? 'always'}` : new Date(next).toISOString();
  }

  function nextClose(at = Date.now()): number | undefined {
    if (!isOpen(at)) return at;
    const today = tz.wall(at).day;
    let best: number | undefined;
    for (let day = today - 1; day <= today + SEARCH_DAYS; day++) {
      for (const { start, end } of intervalsOn(day)) {
        // An overnight interval ends on the next day; adjacent intervals (12:00-13:00, 13:00-17:00) do not close.
        for (const t of tz.instants(end > start ? day : day + 1, end)) {
          if (t > at && (best === undefined || t < best) && !isOpen(t)) best = t;
        }
      }
      if (best !== undefined && day > today) break;
    }
    return best;
  }

  return { timeZone: parsed.data.timeZone, isOpen, nextOpen, closedPeriod, nextClose };
}
