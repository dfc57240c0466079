import { describe, expect, it } from 'vitest';
import { businessHours, type BusinessHoursOptions } from './business-hours.js';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const nineToFive: BusinessHoursOptions = {
  timeZone: 'Europe/Amsterdam',
  weekly: {
    mon: [['09:00', '17:00']],
    tue: [['09:00', '17:00']],
    wed: [['09:00', '17:00']],
    thu: [['09:00', '17:00']],
    fri: [
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ],
  },
  holidays: ['2026-04-27'],
};

describe('businessHours', () => {
  const hours = businessHours(nineToFive);

  it('opens at 09:00 local time on both sides of the spring DST change (Amsterdam, 2026-03-29)', () => {
    // Friday 27 March: CET, UTC+1.
    expect(hours.isOpen(at('2026-03-27T07:59:59Z'))).toBe(false);
    expect(hours.isOpen(at('2026-03-27T08:00:00Z'))).toBe(true);
    // Monday 30 March: CEST, UTC+2.
    expect(hours.isOpen(at('2026-03-30T06:59:59Z'))).toBe(false);
    expect(hours.isOpen(at('2026-03-30T07:00:00Z'))).toBe(true);
    expect(hours.isOpen(at('2026-03-30T14:59:59Z'))).toBe(true);
    expect(hours.isOpen(at('2026-03-30T15:00:00Z'))).toBe(false);
  });

  it('finds the next opening across the DST weekend, and names the weekend by it', () => {
    const saturday = at('2026-03-28T12:00:00Z');
    const sunday = at('2026-03-29T20:00:00Z');
    expect(iso(hours.nextOpen(saturday))).toBe('2026-03-30T07:00:00.000Z');
    expect(hours.closedPeriod(saturday)).toBe('2026-03-30T07:00:00.000Z');
    expect(hours.closedPeriod(sunday)).toBe(hours.closedPeriod(saturday));
    expect(hours.closedPeriod(at('2026-03-30T07:00:00Z'))).toBeUndefined();
  });

  it('handles the autumn change (2026-10-25) and the lunch break', () => {
    expect(iso(hours.nextOpen(at('2026-10-24T10:00:00Z')))).toBe('2026-10-26T08:00:00.000Z');
    expect(hours.isOpen(at('2026-10-23T10:30:00Z'))).toBe(false); // Friday 12:30 CEST: lunch
    expect(iso(hours.nextOpen(at('2026-10-23T10:30:00Z')))).toBe('2026-10-23T11:00:00.000Z');
    expect(hours.closedPeriod(at('2026-10-23T10:30:00Z'))).not.toBe(hours.closedPeriod(at('2026-10-23T16:00:00Z')));
  });

  it('is open at the moment itself when asked while open', () => {
    expect(hours.nextOpen(at('2026-03-30T08:00:00Z'))).toBe(at('2026-03-30T08:00:00Z'));
  });

  it('stays closed on a holiday', () => {
    expect(hours.isOpen(at('2026-04-27T10:00:00Z'))).toBe(false);
    expect(iso(hours.nextOpen(at('2026-04-26T10:00:00Z')))).toBe('2026-04-28T07:00:00.000Z');
    expect(hours.closedPeriod(at('2026-04-25T10:00:00Z'))).toBe(hours.closedPeriod(at('2026-04-27T16:00:00Z')));
  });

  it('runs overnight hours past midnight (22:00–02:00), owned by the day they start', () => {
    const night = businessHours({
      timeZone: 'Europe/Amsterdam',
      weekly: { fri: [['22:00', '02:00']] },
      holidays: ['2026-01-16'],
    });
    expect(night.isOpen(at('2026-01-09T20:59:00Z'))).toBe(false); // Fri 21:59 CET
    expect(night.isOpen(at('2026-01-09T21:00:00Z'))).toBe(true); // Fri 22:00
    expect(night.isOpen(at('2026-01-10T00:30:00Z'))).toBe(true); // Sat 01:30
    expect(night.isOpen(at('2026-01-10T01:00:00Z'))).toBe(false); // Sat 02:00
    expect(iso(night.nextOpen(at('2026-01-10T01:00:00Z')))).toBe('2026-01-23T21:00:00.000Z'); // Fri 16th is a holiday
    expect(night.isOpen(at('2026-01-17T00:30:00Z'))).toBe(false); // the night of the holiday stays closed
  });

  it('opens when the clock jumps past a start inside the spring-forward gap', () => {
    const early = businessHours({ timeZone: 'Europe/Amsterdam', weekly: { sun: [['02:30', '05:00']] } });
    // 02:00 CET → 03:00 CEST at 01:00Z: 02:30 never shows; the opening is the jump itself.
    expect(iso(early.nextOpen(at('2026-03-29T00:00:00Z')))).toBe('2026-03-29T01:00:00.000Z');
  });

  it('opens twice in the repeated hour of the autumn change', () => {
    const repeated = businessHours({ timeZone: 'Europe/Amsterdam', weekly: { sun: [['02:30', '03:00']] } });
    expect(iso(repeated.nextOpen(at('2026-10-25T00:15:00Z')))).toBe('2026-10-25T00:30:00.000Z'); // 02:15 CEST
    expect(repeated.isOpen(at('2026-10-25T00:45:00Z'))).toBe(true); // 02:45 CEST
    expect(iso(repeated.nextOpen(at('2026-10-25T01:10:00Z')))).toBe('2026-10-25T01:30:00.000Z'); // 02:10 CET
  });

  it('answers undefined when it never opens within 14 days, with a stable closed key', () => {
    const closed = businessHours({
      timeZone: 'UTC',
      weekly: { mon: [['09:00', '17:00']] },
      holidays: ['2026-01-05', '2026-01-12', '2026-01-19'],
    });
    expect(closed.nextOpen(at('2026-01-03T00:00:00Z'))).toBeUndefined();
    expect(closed.closedPeriod(at('2026-01-03T00:00:00Z'))).toBe('closed:2025-12-29');
    expect(closed.closedPeriod(at('2026-01-04T00:00:00Z'))).toBe('closed:2025-12-29');
    expect(businessHours({ timeZone: 'UTC', weekly: {} }).closedPeriod(0)).toBe('closed:always');
  });

  it.each([
    [{ ...nineToFive, timeZone: 'Europe/Atlantis' }, 'timeZone'],
    [{ ...nineToFive, weekly: { mon: [['9:00', '17:00']] } }, 'HH:MM'],
    [{ ...nineToFive, weekly: { mon: [['09:00', '25:00']] } }, 'HH:MM'],
    [{ ...nineToFive, weekly: { mon: [['09:00', '09:00']] } }, 'different'],
    [{ ...nineToFive, holidays: ['2026-02-30'] }, 'holidays'],
  ] as [BusinessHoursOptions, string][])('refuses bad options with CONFIG (%#)', (options, what) => {
    expect(() => businessHours(options)).toThrow(
      expect.objectContaining({ code: 'CONFIG', message: expect.stringContaining(what) }),
    );
  });
});
