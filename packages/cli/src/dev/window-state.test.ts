import { whatsappCapabilities } from '@loket/whatsapp';
import { describe, expect, it } from 'vitest';
import { windowState } from './window-state.js';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 22, 12);
const rule = whatsappCapabilities.window;

describe('windowState', () => {
  it('is open with the time left, from the adapter rule (24 h on WhatsApp)', () => {
    expect(windowState(rule, NOW - 21 * HOUR, NOW)).toEqual({
      state: 'open',
      closesAt: NOW + 3 * HOUR,
      label: 'open, closes in 3 h',
    });
    expect(windowState(rule, NOW - 23.5 * HOUR, NOW).label).toBe('open, closes in 30 min');
    expect(windowState(rule, NOW - 22.75 * HOUR, NOW).label).toBe('open, closes in 1 h 15 min');
  });

  it('is closed once 24 h have passed, saying how long ago', () => {
    expect(windowState(rule, NOW - 27 * HOUR, NOW)).toMatchObject({ state: 'closed', label: 'closed 3 h ago' });
  });

  it('is closed when the customer never wrote, and absent on channels without a window', () => {
    expect(windowState(rule, undefined, NOW).label).toBe('closed: the customer has not written');
    expect(windowState(null, NOW, NOW)).toEqual({ state: 'none', label: 'no window on this channel' });
  });
});
