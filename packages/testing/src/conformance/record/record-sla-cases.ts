import { type SlaBreach, slaReport } from '@loket/core';
import { expect, it } from 'vitest';
import { customerText, type RecordCaseContext, refOn, T0 } from './record-context.js';

/** Service levels from the stored record, and the breach signal. */
export function slaCases(ctx: RecordCaseContext): void {
  const target = { percent: 90, withinSeconds: 300 };

  it('reports first responses per channel from the stored history; a bot reply does not count', async () => {
    const wa = refOn('whatsapp', 'sla-1');
    const ms = refOn('messenger', 'sla-2');
    await ctx.post('whatsapp', [customerText(wa, 's-1', 'help', T0)]);
    await ctx.post('messenger', [customerText(ms, 's-2', 'help', T0)]);
    ctx.clock = T0 + 10_000;
    await ctx.gateway.send({ to: ms, content: { type: 'text', text: 'bot' } }, { author: { kind: 'bot' } });
    ctx.clock = T0 + 120_000;
    await ctx.gateway.send(
      { to: wa, content: { type: 'text', text: 'agent' } },
      { author: { kind: 'agent', id: 'a1' } },
    );
    ctx.clock = T0 + 600_000;
    await ctx.gateway.send({ to: ms, content: { type: 'text', text: 'agent' } });

    const report = await ctx.gateway.sla.report({ target });
    expect(report).toMatchObject({ answered: 2, answeredWithin: 1, serviceLevel: 50, p50: 120, p90: 600 });
    expect(report.byChannel.whatsapp).toMatchObject({ serviceLevel: 100, p50: 120 });
    expect(report.byChannel.messenger).toMatchObject({ serviceLevel: 0, p50: 600 });
    const history = [...(await ctx.gateway.history(wa)), ...(await ctx.gateway.history(ms))];
    expect(slaReport(history, { target }).serviceLevel).toBe(50);
  });

  it("signals a conversation that waits past the target, once: gateway.on('sla')", async () => {
    await ctx.restart({ sla: { target, checkEveryMs: 3_600_000 } });
    const heard: SlaBreach[] = [];
    ctx.gateway.on('sla', (breach) => {
      heard.push(breach);
    });
    const wa = refOn('whatsapp', 'sla-3');
    await ctx.post('whatsapp', [customerText(wa, 's-3', 'anyone?', T0)]);
    ctx.clock = T0 + 200_000;
    expect(await ctx.gateway.sla.check()).toEqual([]);
    ctx.clock = T0 + 301_000;
    const found = await ctx.gateway.sla.check();
    // The first response and the reply to the run of customer messages are both past 300 s.
    expect(found).toEqual([
      { conversation: wa, kind: 'first-response', since: T0, waitedSeconds: 301, target },
      { conversation: wa, kind: 'reply', since: T0, waitedSeconds: 301, target },
    ]);
    expect(heard).toEqual(found);
    expect(await ctx.gateway.sla.check()).toEqual([]);
  });
}
