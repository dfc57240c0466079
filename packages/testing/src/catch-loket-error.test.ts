import { LoketError } from '@loket/core';
import { describe, expect, it } from 'vitest';
import { catchLoketError } from './catch-loket-error.js';

describe('catchLoketError', () => {
  it('answers the LoketError of a rejected promise, a throwing function and a rejecting function', async () => {
    const err = new LoketError('OUTSIDE_WINDOW', 'closed');
    expect(await catchLoketError(Promise.reject(err))).toBe(err);
    expect(
      await catchLoketError(() => {
        throw err;
      }),
    ).toBe(err);
    expect(await catchLoketError(async () => Promise.reject(err))).toBe(err);
  });

  it('fails on success and on other errors', async () => {
    await expect(catchLoketError(Promise.resolve(1))).rejects.toThrow('it succeeded');
    await expect(catchLoketError(Promise.reject(new Error('boom')))).rejects.toThrow('got Error: boom');
  });
});
