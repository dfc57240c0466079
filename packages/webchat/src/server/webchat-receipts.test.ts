import type { StatusEvent } from '@loket/core';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebchat, type TestGateway, until } from './test-gateway.js';

let t: TestGateway | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('POST receipts', () => {
  it('delivered and read watermarks become status events for the business messages, once, never backwards', async () => {
    t = await startWebchat();
    const statuses: string[] = [];
    t.gateway.on('status', (event: StatusEvent) => {
      statuses.push(`${event.messageId}:${event.status}`);
    });
    const client = t.client();
    const { conversation } = (await client.session()).body;
    await client.send('question');
    const a = await t.gateway.send({ to: conversation, content: { type: 'text', text: 'answer 1' } });
    const b = await t.gateway.send({ to: conversation, content: { type: 'text', text: 'answer 2' } });
    expect(await client.receipts({ deliveredSeq: 3 })).toMatchObject({
      status: 200,
      body: { deliveredSeq: 3, readSeq: 0 },
    });
    expect((await client.receipts({ readSeq: 2 })).body).toEqual({ deliveredSeq: 3, readSeq: 2 });
    // A late, lower watermark moves nothing.
    expect((await client.receipts({ deliveredSeq: 1, readSeq: 1 })).body).toEqual({ deliveredSeq: 3, readSeq: 2 });
    await until(() => statuses.length >= 3);
    await new Promise((r) => setTimeout(r, 100));
    expect(statuses.sort()).toEqual(
      [`${a.messageId}:delivered`, `${a.messageId}:read`, `${b.messageId}:delivered`].sort(),
    );
    const receipts = (await client.events()).body.events.filter((e) => e.kind === 'receipt');
    expect(receipts.map((e) => e.data)).toEqual([
      { by: 'customer', deliveredSeq: 3, readSeq: 0 },
      { by: 'customer', deliveredSeq: 3, readSeq: 2 },
    ]);
  });

  it('400 without a watermark', async () => {
    t = await startWebchat();
    const client = t.client();
    await client.session();
    expect(await client.receipts({})).toMatchObject({ status: 400, body: { error: 'bad_request' } });
  });
});

describe('GET events', () => {
  it('pages history: newest by default, before=N the newest below N, after=N the oldest above N, ascending', async () => {
    t = await startWebchat();
    const client = t.client();
    await client.session();
    for (let i = 1; i <= 7; i++) await client.send(`m${i}`);
    const seqs = (body: { events: { seq: number }[] }) => body.events.map((e) => e.seq);
    expect(seqs((await client.events({ limit: 3 })).body)).toEqual([5, 6, 7]);
    expect(seqs((await client.events({ before: 5, limit: 2 })).body)).toEqual([3, 4]);
    expect(seqs((await client.events({ after: 2, limit: 2 })).body)).toEqual([3, 4]);
    const page = (await client.events({ after: 6 })).body;
    expect(page).toMatchObject({ head: 7, events: [{ seq: 7, kind: 'message' }] });
    expect(Object.keys(page.events[0] ?? {}).sort()).toEqual(['at', 'data', 'kind', 'seq']);
    expect((await client.events({ after: -1 } as never)).status).toBe(400);
  });
});
