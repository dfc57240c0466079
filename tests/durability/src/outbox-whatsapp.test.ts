import { join } from 'node:path';
import { type ConversationRef, createGateway, type Gateway, type OutboxProgress } from '@loket/core';
import { type SqliteStore, sqliteStore } from '@loket/store-sqlite';
import { createEmulator, type Emulator } from '@loket/testing/kit';
import { whatsapp } from '@loket/whatsapp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from './temp-dir.js';
import { APP_SECRET, PHONE_NUMBER_ID } from './webhooks.js';

const customer = (n: number): ConversationRef => ({
  channel: 'whatsapp',
  account: PHONE_NUMBER_ID,
  user: `3161234${String(n).padStart(4, '0')}`,
});
const template = { type: 'template' as const, name: 'order_update', language: 'en' };

describe('the durable outbox with the WhatsApp adapter against the emulator, on SQLite', () => {
  let dir: ReturnType<typeof tempDir>;
  let emulator: Emulator;
  const open: { gateway: Gateway; store: SqliteStore }[] = [];

  const start = async (options: { run?: boolean } = {}) => {
    const store = sqliteStore({ path: join(dir.path, 'loket.db') });
    const gateway = createGateway({
      // attempts: 1 keeps the transport from retrying inside one send, so the outbox's own retries show.
      channels: [
        whatsapp({
          appSecret: APP_SECRET,
          verifyToken: 'vt',
          accessToken: 'token',
          apiBaseUrl: emulator.url,
          transport: { retry: { attempts: 1 } },
        }),
      ],
      store,
      outbox: { pollMs: 20, retry: { baseDelayMs: 10, maxDelayMs: 50 } },
    });
    if (options.run !== false) await gateway.start();
    open.push({ gateway, store });
    return gateway;
  };

  beforeEach(async () => {
    dir = tempDir();
    emulator = await createEmulator({ appSecret: APP_SECRET });
  });
  afterEach(async () => {
    for (const { gateway, store } of open.splice(0)) {
      await gateway.close();
      await store.close();
    }
    await emulator.close();
    dir.remove();
  });

  it('delivers a queued send and reports the platform message id', async () => {
    const gateway = await start();
    await gateway.consent.grant(customer(1), { topic: 'orders' });
    const handle = await gateway.enqueueSend({ to: customer(1), content: template, topic: 'orders' });
    const report = await handle.done();
    expect(report.counts).toEqual({ pending: 0, done: 1, failed: 0, 'skipped-no-consent': 0 });
    expect(emulator.sent.map((s) => [s.to, s.type])).toEqual([['+31612340001', 'template']]);
    expect(report.jobs[0]?.receipt?.messageId).toBe(emulator.sent[0]?.id);
  });

  it('delivers after a restart what a closed gateway left in the file', async () => {
    const first = await start({ run: false });
    for (const n of [1, 2, 3]) await first.consent.grant(customer(n), { topic: 'orders' });
    const handle = await first.broadcast([customer(1), customer(2), customer(3)], template, { topic: 'orders' });
    for (const { gateway, store } of open.splice(0)) {
      await gateway.close();
      await store.close();
    }
    expect(emulator.sent).toEqual([]);

    const second = await start();
    await expect.poll(async () => (await second.broadcastStatus(handle.id))?.complete, { timeout: 10_000 }).toBe(true);
    expect((await second.broadcastStatus(handle.id))?.counts.done).toBe(3);
    expect(emulator.sent.map((s) => s.to).sort()).toEqual(['+31612340001', '+31612340002', '+31612340003']);
  });

  it('broadcasts to 5 recipients of whom 2 lack consent: 3 done, 2 skipped, with progress events', async () => {
    const gateway = await start({ run: false });
    const recipients = [1, 2, 3, 4, 5].map(customer);
    for (const n of [1, 3, 5]) await gateway.consent.grant(customer(n), { topic: 'promo' });
    await gateway.consent.grant(customer(2), { topic: 'orders' }); // another topic does not count
    const events: OutboxProgress[] = [];
    gateway.onOutbox((p) => {
      events.push(p);
    });
    await gateway.start();
    const handle = await gateway.broadcast(recipients, template, { topic: 'promo' });
    expect(handle.total).toBe(5);
    const report = await handle.done();

    expect(report.counts).toEqual({ pending: 0, done: 3, failed: 0, 'skipped-no-consent': 2 });
    expect(report.jobs.map((j) => j.state)).toEqual([
      'done',
      'skipped-no-consent',
      'done',
      'skipped-no-consent',
      'done',
    ]);
    expect(emulator.sent.map((s) => s.to).sort()).toEqual(['+31612340001', '+31612340003', '+31612340005']);
    expect(events).toHaveLength(5);
    expect(new Set(events.map((e) => e.job.id)).size).toBe(5);
    expect(events.some((e) => e.complete && e.counts.done === 3)).toBe(true);
  });

  it('retries a 429 later from the outbox, after the platform’s retry-after', async () => {
    const gateway = await start();
    await gateway.consent.grant(customer(1), { topic: 'orders' });
    emulator.inject429({ retryAfter: 1 });
    const report = await (await gateway.enqueueSend({ to: customer(1), content: template, topic: 'orders' })).done();
    expect(report.jobs[0]).toMatchObject({ state: 'done', attempts: 2 });
    expect(emulator.requests.map((r) => [r.status, r.injected])).toEqual([
      [429, true],
      [200, false],
    ]);
    expect(emulator.sent).toHaveLength(1);
  });

  it('reports a non-retryable refusal as failed, with the LoketError and the platform code kept', async () => {
    const gateway = await start();
    await gateway.consent.grant(customer(1), { topic: 'orders' });
    emulator.injectGraphError(131026);
    const report = await (await gateway.enqueueSend({ to: customer(1), content: template, topic: 'orders' })).done();
    expect(report.jobs[0]).toMatchObject({ state: 'failed', attempts: 1 });
    expect(report.jobs[0]?.error).toMatchObject({ code: 'RECIPIENT_UNAVAILABLE', retryable: false });
    expect(String(report.jobs[0]?.error?.platformCode)).toContain('131026');
    expect(emulator.requests).toHaveLength(1);
  });

  it('fails a free-form text outside the window with OUTSIDE_WINDOW, before any HTTP call', async () => {
    const gateway = await start();
    const report = await (await gateway.enqueueSend({ to: customer(1), content: { type: 'text', text: 'hi' } })).done();
    expect(report.jobs[0]?.error?.code).toBe('OUTSIDE_WINDOW');
    expect(emulator.requests).toEqual([]);
  });
});
