import { describe, expect, it } from 'vitest';
import { OTHER_REF, part, REF, type StoreCaseContext } from './store-suite-context.js';

const WEBCHAT = { channel: 'webchat', account: 'site', user: 'visitor-1' } as const;

/** Contacts: a conversation belongs to one contact at most; a contact lists its conversations in link order. */
export function contactCases(ctx: StoreCaseContext): void {
  const contacts = () => part(ctx.store, 'contacts');

  describe('contacts', () => {
    it('links conversations to a contact and lists them in link order', async () => {
      await contacts().link('c-1', OTHER_REF);
      await contacts().link('c-1', REF);
      await contacts().link('c-1', WEBCHAT);
      await contacts().link('c-1', OTHER_REF); // linking again keeps its place
      expect(await contacts().conversations('c-1')).toEqual([OTHER_REF, REF, WEBCHAT]);
      expect(await contacts().of(REF)).toBe('c-1');
      expect(await contacts().of({ ...REF, user: 'someone-else' })).toBeUndefined();
      expect(await contacts().conversations('nobody')).toEqual([]);
    });

    it('moves a conversation linked to another contact', async () => {
      await contacts().link('c-1', REF);
      await contacts().link('c-1', OTHER_REF);
      await contacts().link('c-2', WEBCHAT);
      await contacts().link('c-2', REF);
      expect(await contacts().of(REF)).toBe('c-2');
      expect(await contacts().conversations('c-1')).toEqual([OTHER_REF]);
      expect(await contacts().conversations('c-2')).toEqual([WEBCHAT, REF]);
      // Moved back, it comes last.
      await contacts().link('c-1', REF);
      expect(await contacts().conversations('c-1')).toEqual([OTHER_REF, REF]);
    });

    it('unlinks a conversation', async () => {
      await contacts().link('c-1', REF);
      await contacts().link('c-1', OTHER_REF);
      await contacts().unlink(REF);
      await contacts().unlink(WEBCHAT); // never linked: nothing happens
      expect(await contacts().of(REF)).toBeUndefined();
      expect(await contacts().conversations('c-1')).toEqual([OTHER_REF]);
      await contacts().unlink(OTHER_REF);
      expect(await contacts().conversations('c-1')).toEqual([]);
    });

    it('keeps one contact per conversation when links race', async () => {
      await Promise.all(['a', 'b', 'c', 'd'].map((c) => contacts().link(c, REF)));
      const owner = await contacts().of(REF);
      expect(['a', 'b', 'c', 'd']).toContain(owner);
      for (const c of ['a', 'b', 'c', 'd']) {
        expect(await contacts().conversations(c)).toEqual(c === owner ? [REF] : []);
      }
    });
  });
}
