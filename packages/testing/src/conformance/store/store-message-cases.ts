import { describe, expect, it } from 'vitest';
import { REF, type StoreCaseContext } from './store-suite-context.js';

const LONG = 60_000;

/** Sent messages: their conversation, and statuses that only move forward (failed always does). */
export function messageCases(ctx: StoreCaseContext): void {
  const messages = () => ctx.store.messages;

  describe('messages', () => {
    it('remembers the conversation of a sent message', async () => {
      await messages().recordSent('wamid.out.1', REF, 1_000);
      expect(await messages().conversationOf('wamid.out.1')).toEqual(REF);
      expect(await messages().conversationOf('wamid.unknown')).toBeUndefined();
    });

    it('moves a status forward only: sent → delivered → read, never back or twice', async () => {
      await messages().recordSent('wamid.out.1', REF, 1_000);
      const steps = [];
      for (const status of ['sent', 'sent', 'delivered', 'read', 'delivered', 'sent', 'read'] as const) {
        steps.push(await messages().advanceStatus('wamid.out.1', status, LONG));
      }
      expect(steps).toEqual([true, false, true, true, false, false, false]);
    });

    it('skips ahead when statuses arrive out of order', async () => {
      await messages().recordSent('wamid.out.1', REF, 1_000);
      expect(await messages().advanceStatus('wamid.out.1', 'read', LONG)).toBe(true);
      expect(await messages().advanceStatus('wamid.out.1', 'delivered', LONG)).toBe(false);
    });

    it('always lets failed advance, once', async () => {
      await messages().recordSent('wamid.out.1', REF, 1_000);
      await messages().advanceStatus('wamid.out.1', 'read', LONG);
      expect(await messages().advanceStatus('wamid.out.1', 'failed', LONG)).toBe(true);
      expect(await messages().advanceStatus('wamid.out.1', 'failed', LONG)).toBe(false);
      expect(await messages().advanceStatus('wamid.out.1', 'read', LONG)).toBe(false);
    });

    it('tracks statuses of messages it did not record (sent from elsewhere)', async () => {
      expect(await messages().advanceStatus('wamid.elsewhere', 'delivered', LONG)).toBe(true);
      expect(await messages().advanceStatus('wamid.elsewhere', 'sent', LONG)).toBe(false);
    });
  });
}
