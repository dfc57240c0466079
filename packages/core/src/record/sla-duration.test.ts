import { describe, expect, it } from 'vitest';
import { businessHours } from '../hours/business-hours.js';
import { businessSeconds, calendarSeconds, deadlineAfter } from './sla-duration.js';

const at = (iso: string) => Date.parse(iso);

describe('durations', () => {
  // Monday 2 March 2026 in Amsterdam (CET, UTC+1): 09:00–12:00 and 12:00–17:00 touch, so no close at noon;
  // Friday runs overnight 22:00–02:00.
  const hours = businessHours({
    timeZone: 'Europe/Amsterdam',
    weekly: {
      mon: [
        ['09:00', '12:00'],
        ['12:00', '17:00'],
      ],
      fri: [['22:00', '02:00']],
    },
  });

  it('counts only opening time, across touching and overnight intervals', () => {
    expect(hours.nextClose(at('2026-03-02T10:00:00Z'))).toBe(at('2026-03-02T16:00:00Z'));
    expect(businessSeconds(hours, at('2026-03-02T07:00:00Z'), at('2026-03-02T18:00:00Z'))).toBe(8 * 3600);
    // Friday 22:30 local → Saturday 03:00 local: 3.5 h open.
    expect(businessSeconds(hours, at('2026-03-06T21:30:00Z'), at('2026-03-07T02:00:00Z'))).toBe(3.5 * 3600);
    expect(businessSeconds(hours, at('2026-03-03T10:00:00Z'), at('2026-03-03T11:00:00Z'))).toBe(0);
    expect(calendarSeconds(at('2026-03-03T11:00:00Z'), at('2026-03-03T10:00:00Z'))).toBe(0);
  });

  it('finds the moment a business-hours target runs out', () => {
    // Monday 16:58 local + 300 s of opening time: 2 min on Monday, then Friday 22:00 local + 3 min.
    expect(deadlineAfter(at('2026-03-02T15:58:00Z'), 300, hours)).toBe(at('2026-03-06T21:03:00Z'));
    expect(deadlineAfter(at('2026-03-02T15:58:00Z'), 300)).toBe(at('2026-03-02T16:03:00Z'));
  });
});
