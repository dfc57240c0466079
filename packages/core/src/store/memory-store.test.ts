import { beforeEach, describe, expect, it } from 'vitest';
import type { ConversationRef } from '../model/conversation.js';
import type { Store } from './store.js';
import { memoryStore } from './memory-store.js';

const ref: ConversationRef = { channel: 'whatsapp', account: '100', user: '316' };
const other: ConversationRef = { channel: 'whatsapp', account: '100', user: '317' };

describe('memoryStore', () => {
  let clock: number;
  let store: Store;
  beforeEach(() => {
    clock = 1_000;
    store = memoryStore({ now: () => clock });
  });

  describe('dedupe', () => {
    it('hands out one claim at a time and remembers a completed key for its ttl', async () => {
      const token = await store.dedupe.claim('e1', 100);
      expect(token).toEqual(expect.any(String));
      expect(await store.dedupe.claim('e1', 100)).toBeNull();
      await store.dedupe.complete('e1', token!, 1_000);
      clock += 999;
      expect(await store.dedupe.claim('e1', 100)).toBeNull();
      clock += 1;
      expect(await store.dedupe.claim('e1', 100)).toEqual(expect.any(String));
    });

    it('lets an expired claim be claimed again', async () => {
      const first = await store.dedupe.claim('e1', 100);
      clock += 100;
      const second = await store.dedupe.claim('e1', 100);
      expect(second).toEqual(expect.any(String));
      expect(second).not.toBe(first);
    });

    it('release gives the claim back, but a stale token does nothing', async () => {
      const first = await store.dedupe.claim('e1', 100);
      await store.dedupe.release('e1', first!);
      const second = await store.dedupe.claim('e1', 100);
      expect(second).toEqual(expect.any(String));
      await store.dedupe.release('e1', first!);
      expect(await store.dedupe.claim('e1', 100)).toBeNull();
      await store.dedupe.complete('e1', first!, 1_000);
      await store.dedupe.release('e1', second!);
      expect(await store.dedupe.claim('e1', 100)).toEqual(expect.any(String));
    });

    it('a completed key cannot be released', async () => {
      const token = await store.dedupe.claim('e1', 100);
      await store.dedupe.complete('e1', token!, 1_000);
      await store.dedupe.release('e1', token!);
      expect(await store.dedupe.claim('e1', 100)).toBeNull();
    });

    it('keeps keys apart', async () => {
      expect(await store.dedupe.claim('e1', 100)).not.toBeNull();
      expect(await store.dedupe.claim('e2', 100)).not.toBeNull();
    });
  });

  describe('conversations', () => {
    it('is empty for an unknown conversation', async () => {
      expect(await store.conversations.get(ref)).toBeUndefined();
    });

    it('records the latest inbound time and never moves it back', async () => {
      await store.conversations.recordInbound(ref, 500);
      await store.conversations.recordInbound(ref, 300);
      expect((await store.conversations.get(ref))?.lastInboundAt).toBe(500);
      await store.conversations.recordInbound(ref, 700);
      expect(await store.conversations.get(ref)).toEqual({ ref, lastInboundAt: 700, consent: {} });
      expect(await store.conversations.get(other)).toBeUndefined();
    });

    it('keeps consent per topic', async () => {
      await store.conversations.setConsent(ref, { topic: 'news', status: 'granted', source: 'api', at: 1 });
      await store.conversations.setConsent(ref, { topic: '*', status: 'revoked', source: 'stop-word', at: 2 });
      await store.conversations.setConsent(ref, { topic: 'news', status: 'revoked', source: 'platform', at: 3 });
      const state = await store.conversations.get(ref);
      expect(state?.consent).toEqual({
        news: { topic: 'news', status: 'revoked', source: 'platform', at: 3 },
        '*': { topic: '*', status: 'revoked', source: 'stop-word', at: 2 },
      });
    });

    it('sets and clears pending choices', async () => {
      const choices = { options: [{ number: '1', id: 'yes', title: 'Yes' }], at: 5 };
      await store.conversations.setPendingChoices(ref, choices);
      expect((await store.conversations.get(ref))?.pendingChoices).toEqual(choices);
      await store.conversations.setPendingChoices(ref, undefined);
      expect((await store.conversations.get(ref))?.pendingChoices).toBeUndefined();
    });

    it('hands out copies, so a caller cannot change the stored state', async () => {
      await store.conversations.setConsent(ref, { topic: 'news', status: 'granted', source: 'api', at: 1 });
      const state = await store.conversations.get(ref);
      state!.consent.news!.status = 'revoked';
      expect((await store.conversations.get(ref))?.consent.news?.status).toBe('granted');
    });

    it('marks the auto-reply period once', async () => {
      expect(await store.conversations.markAutoReply(ref, 'p1')).toBe(true);
      expect(await store.conversations.markAutoReply(ref, 'p1')).toBe(false);
      expect(await store.conversations.markAutoReply(ref, 'p2')).toBe(true);
      expect(await store.conversations.markAutoReply(other, 'p1')).toBe(true);
    });
  });

  describe('messages', () => {
    it('remembers the conversation of a sent message', async () => {
      await store.messages.recordSent('m1', ref, 1);
      expect(await store.messages.conversationOf('m1')).toEqual(ref);
      expect(await store.messages.conversationOf('m2')).toBeUndefined();
    });

    it('moves a status forward only, by STATUS_RANK', async () => {
      await store.messages.recordSent('m1', ref, 1);
      expect(await store.messages.advanceStatus('m1', 'sent', 1_000)).toBe(true);
      expect(await store.messages.advanceStatus('m1', 'read', 1_000)).toBe(true);
      expect(await store.messages.advanceStatus('m1', 'delivered', 1_000)).toBe(false);
      expect(await store.messages.advanceStatus('m1', 'read', 1_000)).toBe(false);
      expect(await store.messages.advanceStatus('m1', 'failed', 1_000)).toBe(true);
    });

    it('tracks statuses of messages it did not send, and forgets a status after its ttl', async () => {
      expect(await store.messages.advanceStatus('x', 'delivered', 100)).toBe(true);
      expect(await store.messages.advanceStatus('x', 'sent', 100)).toBe(false);
      clock += 100;
      expect(await store.messages.advanceStatus('x', 'sent', 100)).toBe(true);
    });
  });

  describe('locks', () => {
    it('is held by one owner until released or expired', async () => {
      const token = await store.locks.acquire('k', 100);
      expect(token).toEqual(expect.any(String));
      expect(await store.locks.acquire('k', 100)).toBeNull();
      await store.locks.release('k', 'stranger');
      expect(await store.locks.acquire('k', 100)).toBeNull();
      await store.locks.release('k', token!);
      const next = await store.locks.acquire('k', 100);
      expect(next).toEqual(expect.any(String));
      clock += 100;
      expect(await store.locks.extend('k', next!, 100)).toBe(false);
      expect(await store.locks.acquire('k', 100)).toEqual(expect.any(String));
    });

    it('extends only with the owner token', async () => {
      const token = await store.locks.acquire('k', 100);
      clock += 90;
      expect(await store.locks.extend('k', 'stranger', 100)).toBe(false);
      expect(await store.locks.extend('k', token!, 100)).toBe(true);
      clock += 90;
      expect(await store.locks.acquire('k', 100)).toBeNull();
    });
  });

  describe('log', () => {
    it('numbers entries from 1 without gaps, per conversation', async () => {
      expect((await store.log.append(ref, { at: 1, kind: 'inbound', data: { a: 1 } })).entry.seq).toBe(1);
      expect((await store.log.append(other, { at: 2, kind: 'inbound', data: {} })).entry.seq).toBe(1);
      expect((await store.log.append(ref, { at: 3, kind: 'outbound', data: { b: 2 } })).entry.seq).toBe(2);
      expect((await store.log.append(ref, { at: 4, kind: 'inbound', data: { c: 3 } })).entry.seq).toBe(3);
      expect(await store.log.read(ref)).toEqual([
        { seq: 1, at: 1, kind: 'inbound', data: { a: 1 } },
        { seq: 2, at: 3, kind: 'outbound', data: { b: 2 } },
        { seq: 3, at: 4, kind: 'inbound', data: { c: 3 } },
      ]);
    });

    it('reads after a seq, with a limit', async () => {
      for (let i = 1; i <= 5; i++) await store.log.append(ref, { at: i, kind: 'inbound', data: i });
      expect((await store.log.read(ref, { after: 2, limit: 2 })).map((e) => e.seq)).toEqual([3, 4]);
      expect((await store.log.read(ref, { after: 4 })).map((e) => e.seq)).toEqual([5]);
      expect(await store.log.read(ref, { after: 5 })).toEqual([]);
      expect(await store.log.read(other)).toEqual([]);
    });

    it('keeps its own copy of the data', async () => {
      const data = { text: 'hi' };
      await store.log.append(ref, { at: 1, kind: 'inbound', data });
      data.text = 'changed';
      expect((await store.log.read(ref))[0]?.data).toEqual({ text: 'hi' });
    });
  });

  it('closes without losing what tests may still read', async () => {
    await store.log.append(ref, { at: 1, kind: 'inbound', data: 1 });
    await store.close();
    expect(await store.log.read(ref)).toHaveLength(1);
  });
});
