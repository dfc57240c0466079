import type { ConversationRef, PersonTarget, Store } from '@loket/core';
import { describe, expect, it } from 'vitest';
import { entry, part, REF, type StoreCaseContext } from './store-suite-context.js';

const WEB: ConversationRef = { channel: 'webchat', account: 'site', user: 'visitor-jan-7731' };
const PIET: ConversationRef = { channel: 'whatsapp', account: REF.account, user: '31699990000' };
const EMAIL = 'jan.jansen@example.nl';
const CONTACT = 'contact-jan-4412';
const JAN: PersonTarget = { refs: [REF, WEB], needles: [REF.user, WEB.user, EMAIL, CONTACT] };

const request = (text: string) => {
  const e = entry('p');
  return { ...e, request: { ...e.request, body: new TextEncoder().encode(JSON.stringify({ text })) } };
};

/** Fills every part of the store with Jan's data and some of Piet's; answers Jan's inbox and dead letter ids. */
async function seed(store: Store): Promise<void> {
  const { log, conversations, messages, inbox, outbox, dedupe, locks } = store;
  await log.append(REF, { at: 1, kind: 'message', data: { text: `hi, mail me at ${EMAIL}` }, key: 'cm-1' });
  await log.append(REF, { at: 2, kind: 'message', data: { text: 'thanks' } });
  await log.append(WEB, { at: 3, kind: 'message', data: { text: 'hello from the site' } });
  await log.append(PIET, { at: 4, kind: 'message', data: { text: 'piet here' } });
  await conversations.recordInbound(REF, 1);
  await conversations.setConsent(REF, { topic: '*', status: 'granted', source: 'api', at: 1 });
  await conversations.setController(WEB, { by: 'human', at: 3 });
  await conversations.recordInbound(PIET, 4);
  await part(store, 'contacts').link(CONTACT, REF);
  await part(store, 'contacts').link(CONTACT, WEB);
  await part(store, 'contacts').link('contact-piet', PIET);
  await messages.recordSent('wamid.out-1', REF, 2);
  await messages.recordSent('wamid.out-piet', PIET, 4);
  // One of Jan's requests waits in the inbox, one is a dead letter; Piet's waits too.
  const [deadId] = [await inbox.enqueue(request(`from ${EMAIL}`))];
  const [leased] = await inbox.lease({ limit: 1, leaseMs: 60_000 });
  expect(leased?.id).toBe(deadId);
  await inbox.deadLetter(leased!.id, leased!.token, { error: 'boom', failedEvents: [] });
  await inbox.enqueue(request(`wa ${REF.user} says hi`));
  await inbox.enqueue(request('piet says hi'));
  const [, finished] = await outbox.enqueue([
    { batch: 'b1', payload: JSON.stringify({ to: REF.user, text: 'queued' }), createdAt: 1 },
    { batch: 'b1', payload: JSON.stringify({ to: WEB.user, text: 'sent' }), createdAt: 1 },
    { batch: 'b1', payload: JSON.stringify({ to: PIET.user, text: 'for piet' }), createdAt: 1 },
  ]);
  for (const job of await outbox.lease({ limit: 3, leaseMs: 60_000 })) {
    if (job.id === finished) await outbox.finish(job.id, job.token, { status: 'done', detail: '{"id":"m1"}' });
    else await outbox.retry(job.id, job.token, { delayMs: 0, error: 'later' });
  }
  await dedupe.claim(`whatsapp:${REF.user}:evt-1`, 60_000);
  await dedupe.claim(`whatsapp:${PIET.user}:evt-2`, 60_000);
  await part(store, 'kv').set(`webchat:visitor:${WEB.user}`, 'hash-of-credential');
  await part(store, 'kv').set('ticket:77', JSON.stringify({ email: EMAIL }), { ttlMs: 3_600_000 });
  await part(store, 'kv').set('ticket:78', JSON.stringify({ email: 'piet@example.nl' }));
  await part(store, 'rates').take(`recipient:${REF.user}`, { count: 10, windowMs: 1000 });
  const lock = await locks.acquire(`conv:${REF.user}`, 60_000);
  if (lock) await locks.release(`conv:${REF.user}`, lock);
}

/** Export and erasure: find shows what mentions the person; after erase nothing of them is left anywhere. */
export function privacyCases(ctx: StoreCaseContext): void {
  const privacy = () => part(ctx.store, 'privacy');
  const raw = ctx.options.rawContains;

  describe('privacy', () => {
    it('finds the queued requests, dead letters and outbox jobs that mention the person', async () => {
      await seed(ctx.store);
      const found = await privacy().find(JAN);
      const text = (body: Uint8Array) => new TextDecoder().decode(body);
      expect(found.inbox.map((e) => text(e.request.body))).toEqual([
        JSON.stringify({ text: `wa ${REF.user} says hi` }),
      ]);
      expect(found.deadLetters.map((d) => [text(d.request.body), d.error])).toEqual([
        [JSON.stringify({ text: `from ${EMAIL}` }), 'boom'],
      ]);
      expect(found.outbox.map((j) => [JSON.parse(j.payload).to, j.state]).sort()).toEqual([
        [REF.user, 'queued'],
        [WEB.user, 'done'],
      ]);
      const piet = await privacy().find({ refs: [PIET], needles: [PIET.user] });
      expect(piet.inbox).toHaveLength(0); // "piet says hi" names no id of his
      expect(piet.outbox.map((j) => JSON.parse(j.payload).to)).toEqual([PIET.user]);
    });

    it('erases the person from every part of the store and leaves the others alone', async () => {
      const store = ctx.store;
      await seed(store);
      if (raw) for (const needle of JAN.needles) expect(await raw(store, needle), needle).toBe(true);

      expect(await privacy().erase(JAN)).toEqual({
        log: 3,
        conversations: 2,
        contacts: 2,
        messages: 1,
        inbox: 1,
        deadLetters: 1,
        outbox: 2,
        dedupe: 1,
        kv: 2,
      });

      if (raw) {
        for (const needle of JAN.needles) expect(await raw(store, needle), needle).toBe(false);
        expect(await raw(store, PIET.user)).toBe(true);
      }
      for (const ref of JAN.refs) {
        expect(await store.log.read(ref)).toEqual([]);
        expect(await store.log.head(ref)).toBe(0);
        expect(await store.conversations.get(ref)).toBeUndefined();
        expect(await part(store, 'contacts').of(ref)).toBeUndefined();
      }
      expect(await store.log.byKey(REF, 'cm-1')).toBeUndefined();
      expect((await store.log.conversations()).items.map((c) => c.ref)).toEqual([PIET]);
      expect(await part(store, 'contacts').conversations(CONTACT)).toEqual([]);
      expect(await store.messages.conversationOf('wamid.out-1')).toBeUndefined();
      expect(await part(store, 'kv').get(`webchat:visitor:${WEB.user}`)).toBeUndefined();
      expect(await part(store, 'kv').get('ticket:77')).toBeUndefined();
      expect(await store.inbox.deadLetters()).toEqual([]);
      expect((await store.outbox.batch('b1')).map((j) => JSON.parse(j.payload).to)).toEqual([PIET.user]);
      expect(await privacy().find(JAN)).toEqual({ inbox: [], deadLetters: [], outbox: [] });

      // Piet's data is all there.
      expect((await store.log.read(PIET)).map((e) => e.data)).toEqual([{ text: 'piet here' }]);
      expect(await part(store, 'contacts').of(PIET)).toBe('contact-piet');
      expect(await store.messages.conversationOf('wamid.out-piet')).toEqual(PIET);
      expect(await part(store, 'kv').get('ticket:78')).toBe(JSON.stringify({ email: 'piet@example.nl' }));
      expect(await store.dedupe.claim(`whatsapp:${PIET.user}:evt-2`, 60_000)).toBeNull();
      const left = await store.inbox.lease({ limit: 10, leaseMs: 60_000 });
      expect(left.map((i) => new TextDecoder().decode(i.request.body))).toEqual([
        JSON.stringify({ text: 'piet says hi' }),
      ]);
      // Jan's event id is forgotten: a new claim on it succeeds.
      expect(await store.dedupe.claim(`whatsapp:${REF.user}:evt-1`, 60_000)).not.toBeNull();
    });

    it('removes nothing the second time', async () => {
      await seed(ctx.store);
      await privacy().erase(JAN);
      expect(await privacy().erase(JAN)).toEqual({
        log: 0,
        conversations: 0,
        contacts: 0,
        messages: 0,
        inbox: 0,
        deadLetters: 0,
        outbox: 0,
        dedupe: 0,
        kv: 0,
      });
      // A new conversation after the erasure starts again from seq 1.
      expect((await ctx.store.log.append(REF, { at: 9, kind: 'message', data: null })).entry.seq).toBe(1);
    });
  });
}
