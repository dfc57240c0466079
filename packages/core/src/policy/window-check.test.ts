import { describe, expect, it } from 'vitest';
import { customerServiceWindow } from './window-check.js';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 0, 1, 12);
const rule = { freeFormMs: 24 * HOUR, templatesOutside: true, openedBy: ['message'] };

describe('customerServiceWindow', () => {
  it('is open up to and including freeFormMs after the last inbound message', () => {
    expect(customerServiceWindow(rule, NOW - 24 * HOUR, NOW)).toEqual({ open: true, closesAt: NOW });
    expect(customerServiceWindow(rule, NOW - 24 * HOUR - 1, NOW)).toEqual({ open: false, closesAt: NOW - 1 });
  });

  it('is closed, with no closing time, while the customer has not written', () => {
    expect(customerServiceWindow(rule, undefined, NOW)).toEqual({ open: false, closesAt: undefined });
  });
});
