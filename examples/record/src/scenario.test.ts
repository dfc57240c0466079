import { describe, expect, it } from 'vitest';
import { runRecordScenario } from './scenario.js';

describe('the record example', () => {
  it('keeps Ada across channels, hands over to Sam, reports the service level and forgets her', async () => {
    const lines: string[] = [];
    const result = await runRecordScenario((line) => lines.push(line));
    // Each conversation in seq order (across channels the order is by the platforms' timestamps).
    const messages = result.history
      .filter((e) => e.kind === 'message')
      .sort((a, b) => a.conversation.channel.localeCompare(b.conversation.channel) || a.seq - b.seq)
      .map((e) => {
        const d = e.data as { author: { kind: string; id?: string } };
        return `${e.conversation.channel} ${d.author.kind}${d.author.id === 'sam' ? ' sam' : ''}`;
      });
    expect(messages).toEqual([
      'messenger customer',
      'messenger bot',
      'messenger customer',
      'messenger agent sam',
      'whatsapp customer',
      'whatsapp bot',
    ]);
    expect(result.history.some((e) => e.kind === 'handover')).toBe(true);
    // WhatsApp: the bot answered, no person did (pending); Messenger: Sam answered right after the handoff.
    expect(result.report).toMatchObject({ answered: 1, answeredWithin: 1, pending: 1, serviceLevel: 100 });
    expect(result.erased.alreadyErased).toBe(false);
    expect(result.afterErase).toBe(0);
    expect(lines).toContain('  handoff messenger: bot → human');
  });
});
