import { describe, expect, it } from 'vitest';
import { runScenario } from './scenario.js';

describe('examples/gateway', () => {
  it('answers, degrades four buttons to a list, maps the choice, and refuses what the platform would', async () => {
    const lines: string[] = [];
    const result = await runScenario((line) => lines.push(line));

    expect(result.sentTypes).toEqual(['interactive', 'text', 'template']);
    const types = result.events.map((e) => e.type);
    expect(types.filter((t) => t === 'message')).toHaveLength(2);
    expect(result.events.find((e) => e.type === 'message' && e.content.type === 'choice')).toBeDefined();
    const statuses = result.events.flatMap((e) => (e.type === 'status' ? [e.status] : []));
    expect(statuses).toEqual(expect.arrayContaining(['sent', 'delivered', 'read']));
    expect(result.refusals).toEqual(['OUTSIDE_WINDOW', 'CONSENT_REQUIRED']);
    expect(lines.join('\n')).toContain('degraded');
  });
});
