import { describe, expect, it } from 'vitest';
import { availabilityText } from './availability.js';
import { WIDGET_STRINGS } from './strings.js';

const at = (hh: number, mm: number) => new Date(2026, 11, 2, hh, mm).getTime();
const clock = (t: number) => new Date(t).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

describe('the availability banner', () => {
  it('says when a closed business is back and how soon it answers, in the widget language', () => {
    const data = { open: false, nextOpen: at(9, 0), expectedReplyMs: 3 * 3_600_000 };
    expect(availabilityText(data, WIDGET_STRINGS.en)).toBe(
      `We are away right now · back at ${clock(at(9, 0))} · we usually reply within 3 hours`,
    );
    expect(availabilityText(data, WIDGET_STRINGS.nl)).toBe(
      `We zijn er nu niet · terug om ${clock(at(9, 0))} · we antwoorden meestal binnen 3 uur`,
    );
  });

  it('says an open business is there, with its expected reply time in minutes', () => {
    expect(availabilityText({ open: true, expectedReplyMs: 300_000 }, WIDGET_STRINGS.en)).toBe(
      'We are here · we usually reply within 5 minutes',
    );
  });

  it('shows only what it was told when fields are missing or unreadable', () => {
    expect(availabilityText({ open: false, nextOpen: 'soon' }, WIDGET_STRINGS.en)).toBe('We are away right now');
  });
});
