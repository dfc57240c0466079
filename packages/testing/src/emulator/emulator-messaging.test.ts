import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { type CaptureServer, startCaptureServer } from '../http/capture-server.js';
import { createEmulator, type Emulator } from './emulator.js';

const SECRET = 'app-secret';
const NOW = 1_700_000_000_000;
const PAGE = '104857600123456';
const IG = '17841400008460056';

let emulator: Emulator;
let gateway: CaptureServer;

async function start(): Promise<void> {
  gateway = await startCaptureServer();
  emulator = await createEmulator({
    appSecret: SECRET,
    gatewayUrl: gateway.url,
    autoStatuses: { delayMs: 1 },
    now: () => NOW,
  });
}

const post = (path: string, json: unknown) =>
  fetch(`${emulator.url}${path}`, {
    method: 'POST',
    headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
    body: JSON.stringify(json),
  });

afterEach(async () => {
  await emulator.close();
  await gateway.close();
});

describe('emulator: Messenger and Instagram', () => {
  it('fires a customer message on each channel, signed over the escaped bytes, to its own route', async () => {
    await start();
    await emulator.messengerCustomer({ account: PAGE, user: '7012345678901234' }).say('café');
    await emulator.instagramCustomer({ account: IG, user: '6543210987654321' }).quickReply('sizes', 'Sizes');
    const [fb, ig] = gateway.requests;
    expect(fb?.path).toBe('/webhooks/messenger');
    expect(ig?.path).toBe('/webhooks/instagram');
    const raw = Buffer.from(fb?.body ?? []).toString('utf8');
    expect(raw).toContain('caf\\u00e9');
    expect(fb?.headers['x-hub-signature-256']).toBe(`sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`);
    expect(fb?.json).toMatchObject({
      object: 'page',
      entry: [{ id: PAGE, messaging: [{ message: { text: 'café' } }] }],
    });
    expect(ig?.json).toMatchObject({
      object: 'instagram',
      entry: [{ id: IG, messaging: [{ message: { quick_reply: { payload: 'sizes' } } }] }],
    });
  });

  it('accepts a Messenger send, records it, and reports delivery then read', async () => {
    await start();
    const res = await post(`/v25.0/${PAGE}/messages`, {
      recipient: { id: 'psid-1' },
      messaging_type: 'RESPONSE',
      message: { text: 'Hi' },
    });
    const body = (await res.json()) as { message_id: string; recipient_id: string };
    expect(res.status).toBe(200);
    expect(body.recipient_id).toBe('psid-1');
    expect(emulator.sent).toMatchObject([
      { channel: 'messenger', id: body.message_id, account: PAGE, to: 'psid-1', type: 'text' },
    ]);
    await emulator.flush();
    expect(emulator.webhooks.map((w) => `${w.channel} ${w.kind}`)).toEqual(['messenger delivery', 'messenger read']);
    expect(gateway.requests[0]?.json).toMatchObject({
      entry: [{ messaging: [{ delivery: { mids: [body.message_id] } }] }],
    });
  });

  it('routes sends to an Instagram account its customer registered, and reports seen by mid', async () => {
    await start();
    emulator.instagramCustomer({ account: IG, user: 'igsid-1' });
    const res = await post(`/v25.0/${IG}/messages`, { recipient: { id: 'igsid-1' }, message: { text: 'Hoi' } });
    const { message_id } = (await res.json()) as { message_id: string };
    await emulator.flush();
    expect(emulator.sent[0]?.channel).toBe('instagram');
    expect(gateway.requests[0]?.json).toMatchObject({
      object: 'instagram',
      entry: [{ messaging: [{ read: { mid: message_id } }] }],
    });
  });

  it('refuses what the Send API refuses: retired tags, both message and sender_action, text over the limit', async () => {
    await start();
    emulator.instagramCustomer({ account: IG, user: 'igsid-1' });
    const bad = [
      [PAGE, { recipient: { id: 'p' }, messaging_type: 'MESSAGE_TAG', tag: 'ACCOUNT_UPDATE', message: { text: 'x' } }],
      [PAGE, { recipient: { id: 'p' }, message: { text: 'x' }, sender_action: 'typing_on' }],
      [PAGE, { recipient: { id: 'p' }, message: { text: 'x'.repeat(2001) } }],
      [IG, { recipient: { id: 'i' }, message: { text: 'é'.repeat(501) } }],
    ] as const;
    for (const [account, body] of bad) {
      const res = await post(`/v25.0/${account}/messages`, body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: number } }).error.code).toBe(100);
    }
    expect(emulator.sent).toEqual([]);
  });

  it('answers sender actions, attachment uploads and thread control', async () => {
    await start();
    const action = await post(`/v25.0/${PAGE}/messages`, { recipient: { id: 'p' }, sender_action: 'typing_on' });
    expect(await action.json()).toEqual({ recipient_id: 'p' });
    const upload = await post(`/v25.0/${PAGE}/message_attachments`, {});
    expect(await upload.json()).toMatchObject({ attachment_id: expect.stringMatching(/^\d+$/) });
    const pass = await post(`/v25.0/${PAGE}/pass_thread_control`, { recipient: { id: 'p' }, target_app_id: '1' });
    expect(await pass.json()).toEqual({ success: true });
    expect(emulator.sent).toEqual([]);
  });
});
