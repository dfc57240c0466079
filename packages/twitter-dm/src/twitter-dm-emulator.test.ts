import { createServer } from 'node:http';
import { createGateway, memoryStore } from '@loket/core';
import { createEmulator } from '@loket/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { twitterDm } from './index.js';

const BIZ = '2244994945';
const ADA = '3805104374';
const SECRET = 'emulated-consumer-secret';
const oauth1 = {
  kind: 'oauth1',
  consumerKey: 'ck',
  consumerSecret: SECRET,
  token: `${BIZ}-token`,
  tokenSecret: 'ts',
} as const;
const to = { channel: 'twitter-dm' as const, account: BIZ, user: ADA };
const cleanup: (() => Promise<void>)[] = [];

async function running(options: { envelope?: 'aaa' | 'xaa'; clientSecret?: string; credentials?: unknown } = {}) {
  const emulator = await createEmulator({
    appSecret: 'meta-secret',
    autoStatuses: { delayMs: 1 },
    x: {
      consumerSecret: SECRET,
      ...(options.clientSecret ? { clientSecret: options.clientSecret } : {}),
      envelope: options.envelope ?? 'aaa',
    },
  });
  const adapter = twitterDm({
    consumerSecret: SECRET,
    ...(options.clientSecret ? { clientSecret: options.clientSecret } : {}),
    credentials: (options.credentials ?? oauth1) as typeof oauth1,
    userId: BIZ,
    apiBaseUrl: emulator.url,
    transport: { sleep: async () => {} },
  });
  const gateway = createGateway({ channels: [adapter], store: memoryStore() });
  const server = createServer(gateway.node);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  emulator.gatewayUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  cleanup.push(async () => {
    await gateway.close();
    await new Promise((resolve) => server.close(resolve));
    await emulator.close();
  });
  await gateway.start();
  return { emulator, adapter, gateway };
}

afterEach(async () => {
  for (const close of cleanup.splice(0)) await close();
});

const repliesTo = (gateway: Awaited<ReturnType<typeof running>>['gateway']) =>
  gateway.on('message', async (event, ctx) => {
    if (event.content.type === 'text') await ctx.reply({ type: 'text', text: `You said: ${event.content.text}` });
  });

describe('twitter-dm against the emulator', () => {
  it('passes the CRC check, takes a signed DM, and the reply reaches X (both envelopes)', async () => {
    for (const envelope of ['aaa', 'xaa'] as const) {
      const { emulator, gateway } = await running({ envelope, clientSecret: 'emulated-client-secret' });
      repliesTo(gateway);
      expect(await emulator.verifyWebhook('twitter-dm')).toEqual({ status: 200, ok: true });
      expect(await emulator.xCustomer({ account: BIZ, user: ADA, name: 'Ada' }).say('Hello')).toBe(200);
      const [sent] = await emulator.waitForSent(1);
      expect(sent).toMatchObject({ channel: 'twitter-dm', account: BIZ, to: ADA, body: { text: 'You said: Hello' } });
      // X delivers the sent DM back as an echo; it is not answered again.
      await emulator.flush();
      expect(emulator.webhooks.map((w) => [w.kind, w.status])).toEqual([
        ['handshake', 200],
        ['message', 200],
        ['echo', 200],
      ]);
    }
  });

  it('uploads media (a video is processed first) and sends it by id', async () => {
    const { emulator, gateway } = await running();
    const data = new Uint8Array(3000).fill(1);
    await gateway.send({ to, content: { type: 'video', media: { data, mimeType: 'video/mp4' }, caption: 'Demo' } });
    const paths = emulator.requests.map((r) => `${r.method} ${r.path}`);
    expect(paths.slice(0, 3)).toEqual([
      'POST /2/media/upload/initialize',
      expect.stringMatching(/append$/),
      expect.stringMatching(/finalize$/),
    ]);
    expect(paths).toContain('GET /2/media/upload');
    expect(emulator.sent[0]?.body).toMatchObject({ text: 'Demo', attachments: [{ media_id: expect.any(String) }] });
  });

  it('maps an injected 429 (X headers) and a blocked recipient (349)', async () => {
    const { emulator, adapter } = await running();
    // A wait past the transport's longest Retry-After is handed back at once, not slept.
    emulator.injectX429({ resetInSeconds: 900 });
    const limited = await adapter.send({ to, content: { type: 'text', text: 'x' } }).catch((e: unknown) => e);
    expect(limited).toMatchObject({ code: 'RATE_LIMITED', platformCode: 88 });
    expect((limited as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(800_000);
    emulator.xBlock(ADA);
    const blocked = await adapter.send({ to, content: { type: 'text', text: 'x' } }).catch((e: unknown) => e);
    expect(blocked).toMatchObject({ code: 'RECIPIENT_UNAVAILABLE', platformCode: 349, retryable: false });
  });

  it('refreshes an expired OAuth 2.0 token once at the token endpoint, never reusing the old refresh token', async () => {
    const saved: unknown[] = [];
    const credentials = {
      kind: 'oauth2',
      clientId: 'client',
      accessToken: 'expired-access',
      refreshToken: 'first-refresh',
      onTokens: (t: unknown) => {
        saved.push(t);
      },
    };
    const { emulator, gateway } = await running({ credentials });
    emulator.xExpireToken('expired-access');
    await Promise.all([1, 2, 3].map((n) => gateway.send({ to, content: { type: 'text', text: `m${n}` } })));
    expect(emulator.xRefreshes).toBe(1);
    expect(saved).toHaveLength(1);
    expect(emulator.sent).toHaveLength(3);
  });
});
