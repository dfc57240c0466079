import { businessHours } from '@loket/core';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebchat, type TestGateway, until } from './test-gateway.js';

let t: TestGateway | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

// Monday 2026-11-30, 20:00 UTC: closed; the next opening is Tuesday 09:00 UTC.
const MONDAY_EVENING = Date.UTC(2026, 10, 30, 20, 0);
const TUESDAY_MORNING = Date.UTC(2026, 11, 1, 9, 0);
const hours = businessHours({
  timeZone: 'UTC',
  weekly: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']] },
});

describe('availability and the closed-hours auto-reply', () => {
  it('tells the widget the business is closed and when it opens, and auto-replies once per closed period', async () => {
    let now = MONDAY_EVENING;
    t = await startWebchat({
      webchat: { expectedReplyMs: 600_000 },
      gateway: {
        now: () => now,
        autoReply: {
          hours,
          content: ({ nextOpen }) => ({ type: 'text', text: `Closed until ${nextOpen?.toISOString()}` }),
        },
      },
    });
    const client = t.client();
    const session = await client.session();
    expect(session.body).toMatchObject({ availability: { open: false, nextOpen: TUESDAY_MORNING } });
    await client.send('anyone there?');
    await client.send('hello?');
    const autoReplies = async () =>
      (await client.events()).body.events.filter(
        (e) => (e.data.author as { kind?: string } | undefined)?.kind === 'system',
      );
    await until(async () => (await autoReplies()).length > 0);
    await new Promise((r) => setTimeout(r, 150));
    const replies = await autoReplies();
    expect(replies).toHaveLength(1);
    expect(replies[0]?.data.content).toEqual({
      type: 'text',
      text: `Closed until ${new Date(TUESDAY_MORNING).toISOString()}`,
    });
    now = TUESDAY_MORNING + 60_000;
    await client.session();
    const availability = (await client.events()).body.events
      .filter((e) => e.kind === 'availability')
      .map((e) => e.data);
    expect(availability).toEqual([
      { open: false, nextOpen: TUESDAY_MORNING, expectedReplyMs: TUESDAY_MORNING - MONDAY_EVENING },
      { open: true, expectedReplyMs: 600_000 },
    ]);
  });
});
