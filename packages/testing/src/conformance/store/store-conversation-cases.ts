import type { ConsentRecord } from '@loket/core';
import { describe, expect, it } from 'vitest';
import { OTHER_REF, REF, type StoreCaseContext } from './store-suite-context.js';

const granted = (topic: string, at = 1): ConsentRecord => ({ topic, status: 'granted', source: 'api', at });

/** Conversation state: the window never moves back, consent per topic, open menus, the auto-reply period. */
export function conversationCases(ctx: StoreCaseContext): void {
  const conversations = () => ctx.store.conversations;

  describe('conversations', () => {
    it('knows nothing of a new conversation', async () => {
      expect(await conversations().get(REF)).toBeUndefined();
    });

    it('keeps the latest inbound time; it never moves back', async () => {
      await conversations().recordInbound(REF, 2_000);
      expect(await conversations().get(REF)).toMatchObject({ ref: REF, lastInboundAt: 2_000, consent: {} });
      await conversations().recordInbound(REF, 1_000);
      expect((await conversations().get(REF))?.lastInboundAt).toBe(2_000);
      await conversations().recordInbound(REF, 3_000);
      expect((await conversations().get(REF))?.lastInboundAt).toBe(3_000);
    });

    it('keeps consent per topic, "*" included, and overwrites a topic', async () => {
      const all: ConsentRecord = { topic: '*', status: 'revoked', source: 'stop-word', at: 2 };
      await conversations().setConsent(REF, granted('marketing'));
      await conversations().setConsent(REF, all);
      expect((await conversations().get(REF))?.consent).toEqual({ marketing: granted('marketing'), '*': all });
      const revoked: ConsentRecord = { topic: 'marketing', status: 'revoked', source: 'platform', at: 3 };
      await conversations().setConsent(REF, revoked);
      expect((await conversations().get(REF))?.consent).toEqual({ marketing: revoked, '*': all });
    });

    it('sets and clears the pending numbered choices', async () => {
      const choices = {
        options: [
          { number: '1', id: 'yes', title: 'Yes' },
          { number: '2', id: 'no', title: 'No' },
        ],
        at: 5,
      };
      await conversations().setPendingChoices(REF, choices);
      expect((await conversations().get(REF))?.pendingChoices).toEqual(choices);
      await conversations().setPendingChoices(REF, undefined);
      expect((await conversations().get(REF))?.pendingChoices).toBeUndefined();
    });

    it('marks the auto-reply once per closed period', async () => {
      expect(await conversations().markAutoReply(REF, '2026-01-01T18')).toBe(true);
      expect(await conversations().markAutoReply(REF, '2026-01-01T18')).toBe(false);
      expect(await conversations().markAutoReply(REF, '2026-01-02T18')).toBe(true);
      expect((await conversations().get(REF))?.autoReplyPeriod).toBe('2026-01-02T18');
    });

    it('keeps conversations apart, the channel included', async () => {
      await conversations().recordInbound(REF, 1_000);
      await conversations().setConsent(REF, granted('news'));
      expect(await conversations().get(OTHER_REF)).toBeUndefined();
      expect(await conversations().get({ ...REF, user: '31600000000' })).toBeUndefined();
    });

    it('keeps every field when writers run concurrently', async () => {
      await Promise.all([
        conversations().recordInbound(REF, 7_000),
        ...['a', 'b', 'c', 'd', 'e'].map((topic) => conversations().setConsent(REF, granted(topic))),
        conversations().setPendingChoices(REF, { options: [{ number: '1', id: 'x', title: 'X' }], at: 1 }),
        conversations().markAutoReply(REF, 'closed-1'),
      ]);
      const state = await conversations().get(REF);
      expect(state?.lastInboundAt).toBe(7_000);
      expect(Object.keys(state?.consent ?? {}).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(state?.pendingChoices?.options).toHaveLength(1);
      expect(state?.autoReplyPeriod).toBe('closed-1');
    });
  });
}
