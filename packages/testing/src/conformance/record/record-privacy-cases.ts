import { expect, it } from 'vitest';
import { customerText, type RecordCaseContext, refOn, T0 } from './record-context.js';

const DAY = 86_400_000;

/** Contacts across channels, export and erasure, retention. */
export function privacyCases(ctx: RecordCaseContext): void {
  const wa = refOn('whatsapp', '31655500077');
  const ms = refOn('messenger', 'psid-31655500077');
  const wc = refOn('webchat', 'visitor-77');

  const talk = async () => {
    await ctx.post('messenger', [customerText(ms, 'm-1', 'first on messenger', T0)]);
    await ctx.post('whatsapp', [customerText(wa, 'w-1', 'then whatsapp', T0 + 2_000)]);
    ctx.clock = T0 + 3_000;
    await ctx.gateway.send({ to: ms, content: { type: 'text', text: 'answer on messenger' } });
    await ctx.post('webchat', [customerText(wc, 'c-1', 'and the web chat', T0 + 4_000)]);
    for (const ref of [wa, ms, wc]) await ctx.gateway.contacts.link('customer-77', ref);
    await ctx.gateway.consent.grant(wa, { topic: 'news' });
  };

  it('one customer across channels: of, conversations, and their history in time order', async () => {
    await talk();
    expect(await ctx.gateway.contacts.of(ms)).toBe('customer-77');
    expect(await ctx.gateway.contacts.conversations('customer-77')).toEqual([wa, ms, wc]);
    expect(await ctx.gateway.contacts.conversations('nobody')).toEqual([]);
    const texts = (await ctx.gateway.contacts.history('customer-77'))
      .filter((e) => e.kind === 'message')
      .map((e) => [e.conversation.channel, (e.data as { content: { text: string } }).content.text]);
    expect(texts).toEqual([
      ['messenger', 'first on messenger'],
      ['whatsapp', 'then whatsapp'],
      ['messenger', 'answer on messenger'],
      ['webchat', 'and the web chat'],
    ]);
  });

  it('exports everything about the person, then erases it all and keeps only a tombstone; twice is a no-op', async () => {
    await talk();
    const exported = await ctx.gateway.privacy.export(wa);
    expect(exported.contactId).toBe('customer-77');
    expect(exported.conversations.map((c) => c.conversation)).toEqual([wa, ms, wc]);
    expect(exported.conversations[0]?.state?.consent.news).toMatchObject({ status: 'granted' });
    expect(exported.conversations[1]?.history.length).toBe(2);
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);

    const raw = ctx.options.rawContains;
    if (raw) expect(await raw(ctx.store, wa.user)).toBe(true); // the search finds what is there
    const erased = await ctx.gateway.privacy.erase('customer-77');
    expect(erased.alreadyErased).toBe(false);
    expect(erased.erased.log).toBeGreaterThanOrEqual(4);
    expect(erased.tombstone).not.toMatch(/customer-77|31655500077/);
    const tombstone = await ctx.store.kv?.get(erased.tombstone);
    expect(tombstone).toBeDefined();
    expect(tombstone).not.toContain('31655500077');

    for (const ref of [wa, ms, wc]) {
      expect(await ctx.gateway.history(ref)).toEqual([]);
      expect(await ctx.gateway.contacts.of(ref)).toBeUndefined();
      expect(await ctx.gateway.consent.has(ref, 'news')).toBe(false);
    }
    expect(await ctx.gateway.contacts.conversations('customer-77')).toEqual([]);
    const after = await ctx.gateway.privacy.export(wa);
    expect(after.conversations.flatMap((c) => c.history)).toEqual([]);
    expect(after.inbox).toEqual([]);

    // Nothing that names the person is left in the store's raw storage (file bytes, every key and value).
    if (raw) {
      for (const needle of [wa.user, ms.user, wc.user, 'customer-77']) expect(await raw(ctx.store, needle)).toBe(false);
    }

    const twice = await ctx.gateway.privacy.erase('customer-77');
    expect(twice.alreadyErased).toBe(true);
    expect(Object.values(twice.erased).every((n) => n === 0)).toBe(true);
    expect(await ctx.store.kv?.get(erased.tombstone)).toBe(tombstone);
  });

  it('retention prunes history older than historyDays', async () => {
    await ctx.gateway.send({ to: wa, content: { type: 'text', text: 'old' } });
    ctx.clock = T0 + 10 * DAY;
    await ctx.gateway.send({ to: wa, content: { type: 'text', text: 'new' } });
    await ctx.restart({ retention: { historyDays: 7 } });
    await expect
      .poll(async () =>
        (await ctx.gateway.history(wa)).map((e) => (e.data as { content: { text: string } }).content.text),
      )
      .toEqual(['new']);
  });
}
