import { type HistoryEntry, LoketError } from '@loket/core';
import { expect, it } from 'vitest';
import { catchLoketError } from '../../catch-loket-error.js';
import { customerText, type RecordCaseContext, refOn, T0 } from './record-context.js';

const summary = (entries: HistoryEntry[]) =>
  entries.map((e) => {
    const d = e.data as { author?: { kind: string; id?: string }; status?: string; emoji?: string };
    return [e.kind, d.author?.kind ?? d.status ?? d.emoji ?? null, d.author?.id ?? null];
  });

/** History: every message in and out with its author, statuses, reactions, consent; paging; bad input. */
export function historyCases(ctx: RecordCaseContext): void {
  const ref = refOn('whatsapp');

  it('keeps every message in and out with its author, and statuses, reactions and consent', async () => {
    ctx.gateway.on('message', async (_event, c) => {
      await c.reply({ type: 'text', text: 'A bot answers first.' });
    });
    await ctx.post('whatsapp', [customerText(ref, 'wamid.in1', 'Where is my parcel?', T0)]);
    ctx.clock = T0 + 60_000;
    const agent = await ctx.gateway.send(
      { to: ref, content: { type: 'text', text: 'It ships today.' } },
      { author: { kind: 'agent', id: 'agent-7' } },
    );
    await ctx.gateway.send({ to: ref, content: { type: 'text', text: 'Anything else?' } });
    const base = { channel: 'whatsapp' as const, conversation: ref, raw: {} };
    await ctx.post('whatsapp', [
      { ...base, id: 'st1', type: 'status', timestamp: T0 + 61_000, messageId: agent.messageId, status: 'read' },
      {
        ...base,
        id: 'rx1',
        type: 'reaction',
        timestamp: T0 + 62_000,
        messageId: agent.messageId,
        emoji: '👍',
        from: { id: ref.user },
      },
    ]);
    await ctx.gateway.consent.grant(ref, { topic: 'order-updates', source: 'checkout' });

    const history = await ctx.gateway.history(ref);
    expect(summary(history)).toEqual([
      ['message', 'customer', ref.user],
      ['message', 'bot', null],
      ['message', 'agent', 'agent-7'],
      ['message', 'agent', null],
      ['status', 'read', null],
      ['reaction', 'customer', ref.user],
      ['consent', 'granted', null],
    ]);
    expect(history.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(history[2]).toMatchObject({
      at: T0 + 60_000,
      conversation: ref,
      data: { messageId: agent.messageId, content: { type: 'text', text: 'It ships today.' } },
    });
    expect(history[6]?.data).toEqual({ status: 'granted', topic: 'order-updates', source: 'checkout' });
  });

  it('refuses an author of an unknown kind at the call: nothing sent, nothing logged', async () => {
    const bad = { kind: 'customer' } as unknown as { kind: 'agent' };
    const err = await catchLoketError(
      ctx.gateway.send({ to: ref, content: { type: 'text', text: 'x' } }, { author: bad }),
    );
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toMatch(/author/);
    expect(ctx.channels.whatsapp.sent).toEqual([]);
    expect(await ctx.gateway.history(ref)).toEqual([]);
  });

  it('pages with before / after / limit; an unknown conversation is empty, a bad ref is BAD_REQUEST', async () => {
    for (let i = 1; i <= 5; i++) {
      ctx.clock = T0 + i;
      await ctx.gateway.send({ to: ref, content: { type: 'text', text: `n${i}` } });
    }
    const seqs = async (o: { before?: number; after?: number; limit?: number }) =>
      (await ctx.gateway.history(ref, o)).map((e) => e.seq);
    expect(await seqs({ limit: 2 })).toEqual([1, 2]);
    expect(await seqs({ after: 3 })).toEqual([4, 5]);
    expect(await seqs({ before: 5, limit: 2 })).toEqual([3, 4]);
    expect(await ctx.gateway.history(refOn('whatsapp', 'nobody'))).toEqual([]);
    const err = await catchLoketError(ctx.gateway.history({ channel: 'whatsapp', account: 'biz-1' } as never));
    expect(err).toBeInstanceOf(LoketError);
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toMatch(/biz-1/);
  });

  it('lists conversations by last activity, with updatedSince, limit and cursor', async () => {
    const users = ['a1', 'a2', 'a3'];
    for (const [i, user] of users.entries()) {
      ctx.clock = T0 + i * 1000;
      await ctx.gateway.send({ to: refOn('whatsapp', user), content: { type: 'text', text: 'hi' } });
    }
    const first = await ctx.gateway.conversations.list({ limit: 2 });
    expect(first.items.map((c) => c.ref.user)).toEqual(['a1', 'a2']);
    expect(first.items[1]).toMatchObject({ head: 1, updatedAt: T0 + 1000 });
    const rest = await ctx.gateway.conversations.list({ limit: 2, cursor: first.cursor });
    expect(rest.items.map((c) => c.ref.user)).toEqual(['a3']);
    expect(rest.cursor).toBeUndefined();
    const recent = await ctx.gateway.conversations.list({ updatedSince: T0 + 1000 });
    expect(recent.items.map((c) => c.ref.user)).toEqual(['a2', 'a3']);
  });

  it('records the business-hours auto-reply as a system message beside an auto-reply entry', async () => {
    const { businessHours } = await import('@loket/core');
    const hours = businessHours({ timeZone: 'UTC', weekly: { tue: [['09:00', '17:00']] } });
    await ctx.restart({ autoReply: { hours, content: () => ({ type: 'text', text: 'We are closed.' }) } });
    await ctx.post('whatsapp', [customerText(ref, 'wamid.closed', 'Hello?', T0)]);
    const history = await ctx.gateway.history(ref);
    expect(history.map((e) => e.kind)).toEqual(['message', 'message', 'auto-reply']);
    expect(history[1]?.data).toMatchObject({ author: { kind: 'system', id: 'auto-reply' } });
    const sent = history[1]?.data as { messageId?: string } | undefined;
    expect(history[2]?.data).toMatchObject({ messageId: sent?.messageId });
  });
}
