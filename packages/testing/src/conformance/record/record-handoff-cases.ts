import type { InboundEvent } from '@loket/core';
import { expect, it } from 'vitest';
import { customerText, type RecordCaseContext, refOn, T0 } from './record-context.js';

/** Handoff: the controller, `when: 'bot'` handlers, the platform's thread control and its events. */
export function handoffCases(ctx: RecordCaseContext): void {
  it('a bot answers until a human takes over; handlers see ctx.controller and a handover event', async () => {
    const ref = refOn('whatsapp');
    const seen: string[] = [];
    const handovers: InboundEvent[] = [];
    ctx.gateway.on(
      'message',
      async (_e, c) => {
        await c.reply({ type: 'text', text: 'bot here' });
      },
      { when: 'bot' },
    );
    ctx.gateway.on('message', (_e, c) => {
      seen.push(c.controller);
    });
    ctx.gateway.on('handover', (e) => {
      handovers.push(e);
    });
    expect(await ctx.gateway.controller(ref)).toBe('bot');
    await ctx.post('whatsapp', [customerText(ref, 'in-1', 'hi', T0)]);
    ctx.clock = T0 + 5_000;
    const result = await ctx.gateway.handoff(ref, { to: 'human', reason: 'asked for a person' });
    expect(result).toMatchObject({ from: 'bot', to: 'human', changed: true, at: T0 + 5_000 });
    expect(result.platformError).toBeUndefined();
    expect(ctx.channels.whatsapp.handovers).toEqual([{ to: 'human', reason: 'asked for a person' }]);
    await ctx.post('whatsapp', [customerText(ref, 'in-2', 'hello?', T0 + 6_000)]);

    expect(seen).toEqual(['bot', 'human']);
    expect(ctx.channels.whatsapp.sent).toHaveLength(1);
    expect(handovers).toMatchObject([{ type: 'handover', action: 'handoff', from: 'bot', to: 'human' }]);
    const kinds = (await ctx.gateway.history(ref)).map((e) => [
      e.kind,
      (e.data as { author?: { kind: string } }).author?.kind,
    ]);
    expect(kinds).toEqual([
      ['message', 'customer'],
      ['message', 'bot'],
      ['handover', undefined],
      ['message', 'customer'],
    ]);
  });

  it('a platform that refuses thread control: the controller still switches, the error is logged once and returned', async () => {
    const ref = refOn('messenger');
    const result = await ctx.gateway.handoff(ref, { to: 'human' });
    expect(result.platformError?.code).toBe('PLATFORM_ERROR');
    expect(await ctx.gateway.controller(ref)).toBe('human');
    const [entry] = await ctx.gateway.history(ref);
    expect(entry).toMatchObject({
      kind: 'handover',
      data: { from: 'bot', to: 'human', source: 'api', platformError: { code: 'PLATFORM_ERROR' } },
    });
    const again = await ctx.gateway.handoff(ref, { to: 'human' });
    expect(again.changed).toBe(false);
  });

  it("the platform's own handover events move the controller: take → human, pass → bot", async () => {
    const ref = refOn('messenger', 'psid-9');
    const base = { type: 'handover' as const, channel: 'messenger' as const, conversation: ref, raw: {} };
    await ctx.post('messenger', [{ ...base, id: 'h1', timestamp: T0, action: 'take', from: 'app-1', to: 'inbox' }]);
    expect(await ctx.gateway.controller(ref)).toBe('human');
    await ctx.post('messenger', [{ ...base, id: 'h2', timestamp: T0 + 1, action: 'pass', from: 'inbox', to: 'app-1' }]);
    expect(await ctx.gateway.controller(ref)).toBe('bot');
    const data = (await ctx.gateway.history(ref)).map((e) => e.data);
    expect(data).toMatchObject([
      { from: 'bot', to: 'human', source: 'platform', action: 'take' },
      { from: 'human', to: 'bot', source: 'platform', action: 'pass' },
    ]);
    expect(ctx.channels.messenger.handovers).toEqual([]);
  });
}
