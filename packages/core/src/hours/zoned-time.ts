const MINUTE = 60_000;
/** One day in ms. */
export const DAY = 86_400_000;

/** A wall-clock reading in some time zone: its local date as a day number (days since 1970-01-01), and minutes. */
export interface WallTime {
  day: number;
  minutes: number;
  /** The wall clock read as if it were UTC, in ms (seconds kept). */
  wallMs: number;
}

/** Reads and inverts wall-clock time in one IANA zone, through Intl (so every DST rule is the platform's own). */
export interface Zone {
  wall(at: number): WallTime;
  /** Every instant whose wall clock shows `minutes` on `day` (two in a fall-back hour); in a spring-forward gap,
   *  the instant the clock jumps past it. */
  instants(day: number, minutes: number): number[];
}

/** Whether Intl knows this IANA time zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    // RangeError: not a zone this runtime knows.
    return false;
  }
}

/** The zone reader for `timeZone` (assumed valid: check with {@link isTimeZone}). */
export function zone(timeZone: string): Zone {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  function wall(at: number): WallTime {
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(at)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
    const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
    const wallMs = Date.UTC(year, month - 1, day, hour, minute, second);
    return { day: Math.floor(wallMs / DAY), minutes: hour * 60 + minute, wallMs };
  }
  const offset = (at: number) => wall(at).wallMs - Math.floor(at / 1000) * 1000;

  function instants(day: number, minutes: number): number[] {
    const target = day * DAY + minutes * MINUTE;
    const before = offset(target - DAY);
    const after = offset(target + DAY);
    const found = [...new Set([target - before, target - after])].filter((t) => wall(t).wallMs === target);
    if (found.length > 0) return found.sort((a, b) => a - b);
    // A spring-forward gap: find the first instant whose wall clock is at or past the target.
    let lo = Math.min(target - before, target - after);
    let hi = Math.max(target - before, target - after);
    while (hi - lo > 1000) {
      const mid = lo + Math.max(1000, Math.floor((hi - lo) / 2000) * 1000);
      if (wall(mid).wallMs >= target) hi = mid;
      else lo = mid;
    }
    return [hi];
  }
  return { wall, instants };
}

/** The day number of a `YYYY-MM-DD` date; undefined when it is not a real date. */
export function dayOf(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(ms).toISOString().slice(0, 10) === date ? ms / DAY : undefined;
}

/** The `YYYY-MM-DD` of a day number. */
export const dateOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

/** 0 = Sunday … 6 = Saturday, for a day number. */
export const weekdayOf = (day: number): number => new Date(day * DAY).getUTCDay();
