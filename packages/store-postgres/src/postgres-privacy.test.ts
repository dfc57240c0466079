import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PostgresStore, postgresStore } from './postgres-store.js';
import { useTestDatabase } from './test-support/test-db.js';
import { rawContains } from './testing.js';

const db = await useTestDatabase();
const PHONE = '31699887766';
const ref = { channel: 'whatsapp' as const, account: '1065', user: PHONE };

function webhook(text: string) {
  return {
    channel: 'whatsapp' as const,
    request: {
      method: 'POST',
      url: '/webhooks/whatsapp',
      headers: {},
      body: new TextEncoder().encode(`{"from":"${PHONE}","text":"${text}"}`),
    },
    receivedAt: 1,
  };
}

describe.skipIf(db === undefined)('privacy', () => {
  let store: PostgresStore;
  let schema: string;
  beforeEach(async () => {
    schema = db!.schema();
    store = await postgresStore({ connectionString: db!.url }, { schema });
  });
  afterEach(() => store.close());

  it('finds a person everywhere, then erases them so that no data page holds their number any more', async () => {
    await store.inbox.enqueue(webhook('queued'));
    await store.inbox.enqueue(webhook('dead'));
    const [, dead] = await store.inbox.lease({ limit: 2, leaseMs: 60_000 });
    await store.inbox.deadLetter(dead!.id, dead!.token, { error: 'boom', failedEvents: [] });
    await store.outbox.enqueue([{ batch: 'b', payload: JSON.stringify({ to: ref }), createdAt: 1 }]);
    for (let i = 0; i < 30; i += 1) await store.log.append(ref, { at: i, kind: 'message', data: { text: `hi ${i}` } });
    await store.conversations.recordInbound(ref, 5);
    await store.contacts!.link('contact-1', ref);
    await store.messages.recordSent('wamid.1', ref, 1);
    await store.dedupe.claim(`whatsapp:${PHONE}:evt`, 60_000);
    await store.kv!.set('ticket:1', `for ${PHONE}`);
    const other = { ...ref, user: '31600000000' };
    await store.log.append(other, { at: 1, kind: 'message', data: { text: 'someone else' } });

    const found = await store.privacy!.find({ refs: [ref], needles: [PHONE] });
    expect(found.inbox).toHaveLength(1);
    expect(found.deadLetters.map((d) => d.error)).toEqual(['boom']);
    expect(found.outbox).toHaveLength(1);
    expect(await rawContains(db!.url, schema, PHONE)).toBe(true);

    const counts = await store.privacy!.erase({ refs: [ref], needles: [PHONE] });

    expect(counts).toEqual({
      log: 30,
      conversations: 1,
      contacts: 1,
      messages: 1,
      inbox: 1,
      deadLetters: 1,
      outbox: 1,
      dedupe: 1,
      kv: 1,
    });
    expect(await rawContains(db!.url, schema, PHONE)).toBe(false);
    expect((await store.log.read(other)).map((e) => e.data)).toEqual([{ text: 'someone else' }]);
    expect(await store.log.head(ref)).toBe(0);
    const again = await store.privacy!.erase({ refs: [ref], needles: [PHONE] });
    expect(Object.values(again).every((n) => n === 0)).toBe(true);
  });
});
