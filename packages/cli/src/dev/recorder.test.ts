import { createGateway, memoryStore } from '@loket/core';
import { startCaptureServer } from '@loket/testing/kit';
import { whatsapp } from '@loket/whatsapp';
import { afterEach, describe, expect, it } from 'vitest';
import { recordSends } from './recorder.js';
import { Timeline } from './timeline.js';

const to = { channel: 'whatsapp' as const, account: '106540352242922', user: '31612345678' };

describe('recordSends', () => {
  const closers: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it('puts a send to a real platform on the timeline, from gateway.observe (no wrapped store)', async () => {
    const api = await startCaptureServer({ status: 200, body: { messages: [{ id: 'wamid.REAL' }] } });
    const store = memoryStore();
    const gateway = createGateway({
      channels: [
        whatsapp({
          appSecret: 'dev-app-secret',
          verifyToken: 'dev-verify',
          accessToken: 'dev-token',
          apiBaseUrl: api.url,
        }),
      ],
      store,
    });
    closers.push(
      () => gateway.close(),
      () => api.close(),
    );
    const timeline = new Timeline();
    recordSends(gateway, timeline);
    await store.conversations.recordInbound(to, Date.now());
    await gateway.send({ to, content: { type: 'text', text: 'hello' } });
    expect(timeline.has('sent', 'wamid.REAL')).toBe(true);
  });
});
