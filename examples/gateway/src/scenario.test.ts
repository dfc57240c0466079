import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from './scenario.js';

describe('examples/gateway', () => {
  it('serves three Meta channels: answers, degrades four buttons per channel, maps the choice, refuses what the platform would', async () => {
    const lines: string[] = [];
    const storePath = join(mkdtempSync(join(tmpdir(), 'loket-example-')), 'gateway.db');
    const result = await runScenario((line) => lines.push(line), { storePath });

    // WhatsApp: a list (4 buttons > 3); Messenger and Instagram: quick replies (no list, button template holds 3).
    expect(result.sent).toEqual([
      'whatsapp interactive',
      'whatsapp text',
      'messenger quick_replies',
      'messenger text',
      'instagram quick_replies',
      'instagram text',
      'whatsapp template',
    ]);
    const choices = result.events.flatMap((e) =>
      e.type === 'message' && e.content.type === 'choice' ? [`${e.channel} ${e.content.id}`] : [],
    );
    expect(choices).toEqual(['whatsapp track', 'messenger track', 'instagram track']);
    const statuses = result.events.flatMap((e) => (e.type === 'status' ? [`${e.channel} ${e.status}`] : []));
    expect(statuses).toEqual(
      expect.arrayContaining(['whatsapp sent', 'whatsapp delivered', 'whatsapp read', 'messenger delivered']),
    );
    const reads = result.events.filter((e) => e.type === 'read').map((e) => e.channel);
    expect(reads).toEqual(expect.arrayContaining(['messenger', 'instagram']));
    expect(result.refusals).toEqual(['OUTSIDE_WINDOW', 'CONSENT_REQUIRED']);
    expect(lines.join('\n')).toContain('degraded: quick replies');
  });
});
