import { describe, expect, it } from 'vitest';
import { businessHours } from '../hours/business-hours.js';
import { LoketError } from '../errors.js';
import { slaReport } from './sla-report.js';
import { conv, handover, message } from '../test-support/sla-test-entries.js';
import { firstResponses, replyTimes } from './sla-waits.js';

// Hand-computed examples. 2026-03-02 is a Monday; hours are 09:00–17:00 UTC on weekdays.
const weekdays = businessHours({
  timeZone: 'UTC',
  weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '17:00']]])),
  holidays: ['2026-03-09'],
});

describe('slaReport, calendar time (80 % within 20 s)', () => {
  const wa = (u: string) => conv('whatsapp', u);
  // First responses after 10, 15, 20, 25 and 60 s; one unanswered for 30 s (breached), one for 10 s (pending).
  const entries = [
    message(wa('a'), '2026-03-02T10:00:00Z', 'customer'),
    message(wa('a'), '2026-03-02T10:00:10Z', 'agent'),
    message(wa('b'), '2026-03-02T10:01:00Z', 'customer'),
    message(wa('b'), '2026-03-02T10:01:15Z', 'agent'),
    message(wa('c'), '2026-03-02T10:02:00Z', 'customer'),
    message(wa('c'), '2026-03-02T10:02:20Z', 'agent'),
    message(wa('d'), '2026-03-02T10:03:00Z', 'customer'),
    message(wa('d'), '2026-03-02T10:03:25Z', 'agent'),
    message(wa('e'), '2026-03-02T10:04:00Z', 'customer'),
    message(wa('e'), '2026-03-02T10:05:00Z', 'agent'),
    message(wa('f'), '2026-03-02T10:09:30Z', 'customer'),
    message(wa('g'), '2026-03-02T10:09:50Z', 'customer'),
  ];
  const to = Date.parse('2026-03-02T10:10:00Z');

  it('counts answered within, late, breached and pending; p50 and p90 by nearest rank', () => {
    const report = slaReport(entries, { target: { percent: 80, withinSeconds: 20 }, to });
    expect(report).toMatchObject({
      answeredWithin: 3,
      answered: 5,
      breached: 1,
      pending: 1,
      conversations: 7,
      met: false,
      p50: 20,
      p90: 60,
      businessHours: false,
    });
    expect(report.serviceLevel).toBeCloseTo(50, 10); // 3 ÷ (5 + 1)
    expect(report.overall.serviceLevel).toBe(report.serviceLevel);
    expect(report.byChannel.whatsapp?.serviceLevel).toBeCloseTo(50, 10);
  });

  it('gives the same answer for shuffled entries, and never a negative duration', () => {
    const shuffled = [...entries].reverse();
    expect(slaReport(shuffled, { target: { percent: 80, withinSeconds: 20 }, to })).toEqual(
      slaReport(entries, { target: { percent: 80, withinSeconds: 20 }, to }),
    );
    // An agent message before any customer message answers nothing.
    const x = conv('messenger', 'x');
    const early = [message(x, '2026-03-02T10:00:30Z', 'customer'), message(x, '2026-03-02T10:00:00Z', 'agent')];
    const waits = firstResponses(early, { asOf: Date.parse('2026-03-02T10:00:40Z') });
    expect(waits).toEqual([
      expect.objectContaining({ calendarSeconds: 10, start: Date.parse('2026-03-02T10:00:30Z') }),
    ]);
    expect(waits[0]?.end).toBeUndefined();
  });

  it('counts only waits that started in [from, to]; answers after `to` are not known yet', () => {
    const from = Date.parse('2026-03-02T10:03:00Z');
    const report = slaReport(entries, {
      target: { percent: 80, withinSeconds: 20 },
      from,
      to: Date.parse('2026-03-02T10:04:30Z'),
    });
    // d (25 s, late) answered; e waits 30 s at `to`: breached, although answered later.
    expect(report).toMatchObject({ answered: 1, answeredWithin: 0, breached: 1, pending: 0, serviceLevel: 0 });
  });
});

describe('slaReport, business hours (90 % within 300 s)', () => {
  it('skips the weekend: a clock started while closed starts at the next opening', () => {
    const wa = conv('whatsapp', 'w1');
    const ig = conv('instagram', 'w2');
    const ms = conv('messenger', 'w3');
    const entries = [
      // Friday 16:58 → Monday 09:03: 2 min + 3 min = 300 s of opening time (within).
      message(wa, '2026-03-06T16:58:00Z', 'customer'),
      message(wa, '2026-03-09T09:03:00Z', 'agent'), // 9 March is a holiday here: see below
      // Saturday 10:00 (auto-reply, does not stop the clock) → Monday 09:04.
      message(ig, '2026-02-28T10:00:00Z', 'customer'),
      message(ig, '2026-02-28T10:00:01Z', 'system'),
      message(ig, '2026-03-02T09:04:00Z', 'agent'),
      // Monday 10:00 → 10:06: 360 s (late).
      message(ms, '2026-03-02T10:00:00Z', 'customer'),
      message(ms, '2026-03-02T10:06:00Z', 'agent'),
    ];
    const report = slaReport(entries, { target: { percent: 90, withinSeconds: 300 }, hours: weekdays });
    // wa: the holiday Monday is closed, so Friday 16:58 → Monday-holiday 09:03 counts only Friday's 2 minutes.
    expect(firstResponses(entries, { hours: weekdays }).map((w) => w.businessSeconds)).toEqual([240, 360, 120]);
    expect(report).toMatchObject({ answered: 3, answeredWithin: 2, p50: 240, p90: 360, met: false });
    expect(report.serviceLevel).toBeCloseTo(200 / 3, 10);
    expect(report.byChannel.instagram).toMatchObject({ answeredWithin: 1, serviceLevel: 100, met: true });
    expect(report.byChannel.messenger).toMatchObject({ answeredWithin: 0, serviceLevel: 0 });
    expect(report.byChannel.whatsapp).toMatchObject({ answeredWithin: 1, p50: 120 });
    // In calendar time Saturday → Monday is two days.
    expect(firstResponses(entries)[0]?.calendarSeconds).toBe(2 * 86_400 - 36_000 + 9 * 3600 + 240);
  });

  it('skips a holiday: Friday 16:59 → Tuesday 09:04 over a closed Monday is 60 + 240 s', () => {
    const wa = conv('whatsapp', 'h1');
    const entries = [message(wa, '2026-03-06T16:59:00Z', 'customer'), message(wa, '2026-03-10T09:04:00Z', 'agent')];
    const [wait] = firstResponses(entries, { hours: weekdays });
    expect(wait?.businessSeconds).toBe(300);
    expect(wait?.calendarSeconds).toBe(4 * 86_400 - 7 * 3600 - 55 * 60);
    const report = slaReport(entries, { target: { percent: 90, withinSeconds: 300 }, hours: weekdays });
    expect(report).toMatchObject({ answeredWithin: 1, serviceLevel: 100, met: true });
  });
});

describe('waits around a handoff', () => {
  const c = conv('messenger', 'p1');

  it('a bot reply does not stop the clock; a handoff to a human restarts it', () => {
    const entries = [
      message(c, '2026-03-02T09:00:00Z', 'customer'),
      message(c, '2026-03-02T09:00:05Z', 'bot'),
      handover(c, '2026-03-02T09:10:00Z', 'bot', 'human'),
      message(c, '2026-03-02T09:12:00Z', 'agent'),
    ];
    expect(firstResponses(entries).map((w) => w.calendarSeconds)).toEqual([120]);
    expect(replyTimes(entries).map((w) => w.calendarSeconds)).toEqual([120]);
    const report = slaReport(entries, { target: { percent: 90, withinSeconds: 300 } });
    expect(report).toMatchObject({ answeredWithin: 1, serviceLevel: 100 });
  });

  it('without a human reply the wait breaches, bot answers or not', () => {
    const entries = [message(c, '2026-03-02T09:00:00Z', 'customer'), message(c, '2026-03-02T09:00:05Z', 'bot')];
    const report = slaReport(entries, {
      target: { percent: 90, withinSeconds: 300 },
      to: Date.parse('2026-03-02T09:30:00Z'),
    });
    expect(report).toMatchObject({ answered: 0, breached: 1, pending: 0, serviceLevel: 0, p50: null });
  });

  it('a customer message after the conversation went back to the bot reopens it: a new first response', () => {
    const entries = [
      message(c, '2026-03-02T09:00:00Z', 'customer'),
      message(c, '2026-03-02T09:01:00Z', 'agent'),
      message(c, '2026-03-02T09:02:00Z', 'customer'),
      message(c, '2026-03-02T09:04:00Z', 'agent'),
      handover(c, '2026-03-02T09:05:00Z', 'human', 'bot'),
      message(c, '2026-03-02T11:00:00Z', 'customer'),
      handover(c, '2026-03-02T11:01:00Z', 'bot', 'human'),
      message(c, '2026-03-02T11:03:30Z', 'agent'),
    ];
    expect(firstResponses(entries).map((w) => w.calendarSeconds)).toEqual([60, 150]);
    expect(replyTimes(entries).map((w) => w.calendarSeconds)).toEqual([60, 120, 150]);
    const report = slaReport(entries, { target: { percent: 80, withinSeconds: 120 } });
    expect(report).toMatchObject({ answered: 2, answeredWithin: 1, serviceLevel: 50 });
    expect(report.replies).toMatchObject({ answered: 3, answeredWithin: 2 });
  });
});

describe('slaReport input', () => {
  it('refuses a target that is not one', () => {
    expect(() => slaReport([], { target: { percent: 120, withinSeconds: 20 } })).toThrow(LoketError);
    expect(slaReport([], { target: { percent: 90, withinSeconds: 300 }, to: 0 })).toMatchObject({
      serviceLevel: null,
      met: null,
      p50: null,
    });
  });
});
