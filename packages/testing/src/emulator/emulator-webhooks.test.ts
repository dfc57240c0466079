import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LoketError } from '@loket/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from './emulator.js';
import type { WebhookDelivery } from './emulator-types.js';

const SECRET = 'app-secret';
const NOW = 1_700_000_000_000;
const PHONE = '106540352242922';

/** The parts of WhatsApp webhook bodies these tests read. */
interface WaStatus {
  id: string;
  status: string;
  pricing?: unknown;
  errors?: unknown;
  [key: string]: unknown;
}
interface WaValue {
  messages?: { type: string; image?: { id: string }; interactive?: unknown; [key: string]: unknown }[];
  statuses?: WaStatus[];
}
interface Received {
  raw: Buffer;
  json: { entry: { changes: { value: WaValue }[] }[] };
  signatureValid: boolean;
}

/** A gateway stand-in that checks Meta's signature over the raw bytes with its own HMAC. */
async function startReceiver(options: { status?: number; verifyToken?: string } = {}) {
  const received: Received[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'GET') {
      const ok =
        url.searchParams.get('hub.verify_token') === options.verifyToken &&
        url.searchParams.get('hub.mode') === 'subscribe';
      res.writeHead(ok ? 200 : 403).end(ok ? (url.searchParams.get('hub.challenge') ?? '') : 'no');
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const expected = `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`;
    const signatureValid = req.headers['x-hub-signature-256'] === expected && url.pathname === '/webhooks/whatsapp';
    received.push({ raw, json: JSON.parse(raw.toString('utf8')), signatureValid });
    res.writeHead(signatureValid ? (options.status ?? 200) : 401).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
let receiver: Receiver;
let emulator: Emulator;

async function start(options: Partial<Parameters<typeof createEmulator>[0]> = {}, receiverOptions = {}) {
  receiver = await startReceiver({ verifyToken: 'vt', ...receiverOptions });
  emulator = await createEmulator({
    appSecret: SECRET,
    gatewayUrl: receiver.url,
    verifyToken: 'vt',
    now: () => NOW,
    ...options,
  });
}
beforeEach(async () => {
  await start();
});
afterEach(async () => {
  await emulator.close();
  await receiver.close();
});

const changeValue = (r: Received | undefined): WaValue | undefined => r?.json.entry[0]?.changes[0]?.value;

async function sendText(to = '+31612345678', type = 'text'): Promise<string> {
  const body =
    type === 'reaction'
      ? { messaging_product: 'whatsapp', to, type, reaction: { message_id: 'wamid.IN', emoji: '👍' } }
      : { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'Hi' } };
  const res = await fetch(`${emulator.url}/v25.0/${PHONE}/messages`, {
    method: 'POST',
    headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return ((await res.json()) as { messages: { id: string }[] }).messages[0]?.id ?? '';
}

describe('emulator: customers', () => {
  it('fires a signed text webhook in Meta’s shape, escaped like Meta, and resolves with the gateway status', async () => {
    const deliveries: WebhookDelivery[] = [];
    emulator.on('webhook', (d) => deliveries.push(d));
    const ada = emulator.customer({ phoneNumberId: PHONE, waId: '31612345678', name: 'Ada' });
    expect(await ada.say('café 😀 https://x.test')).toBe(200);
    const [got] = receiver.received;
    expect(got?.signatureValid).toBe(true);
    expect(got?.raw.toString('utf8')).toContain('"body":"caf\\u00e9 \\ud83d\\ude00 https:\\/\\/x.test"');
    expect(got?.raw.toString('utf8')).not.toContain('\n');
    expect(got?.json).toMatchObject({
      object: 'whatsapp_business_account',
      entry: [{ changes: [{ field: 'messages' }] }],
    });
    expect(changeValue(got)).toEqual({
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '15550001234', phone_number_id: PHONE },
      contacts: [{ profile: { name: 'Ada' }, wa_id: '31612345678' }],
      messages: [
        {
          from: '31612345678',
          id: ada.lastMessageId,
          timestamp: '1700000000',
          type: 'text',
          text: { body: 'café 😀 https://x.test' },
        },
      ],
    });
    expect(deliveries).toMatchObject([
      { channel: 'whatsapp', kind: 'text', status: 200, url: `${receiver.url}/webhooks/whatsapp` },
    ]);
    expect(emulator.webhooks).toHaveLength(1);
  });

  it('passes the gateway’s refusal through', async () => {
    await emulator.close();
    await receiver.close();
    await start({}, { status: 503 });
    expect(await emulator.customer({ phoneNumberId: PHONE, waId: '1' }).say('hi')).toBe(503);
  });

  it('reacts, chooses, shares locations and media, and quotes messages', async () => {
    const bob = emulator.customer({ phoneNumberId: PHONE, waId: '4915112345678' });
    await bob.react('wamid.OUT', '❤️');
    await bob.choose('yes', 'Yes', { replyTo: 'wamid.MENU' });
    await bob.choose('row-2', 'Second', { list: true, description: 'the second row' });
    await bob.shareLocation({ latitude: 52.37, longitude: 4.89, name: 'Dam' });
    await bob.sendMedia('image', { data: new Uint8Array([1, 2, 3]), mimeType: 'image/jpeg', caption: 'look' });
    const messages = receiver.received.map((r) => changeValue(r)?.messages?.[0]);
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
    expect(messages[0]).toMatchObject({ type: 'reaction', reaction: { message_id: 'wamid.OUT', emoji: '❤️' } });
    expect(messages[1]).toMatchObject({
      type: 'interactive',
      context: { id: 'wamid.MENU' },
      interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } },
    });
    expect(messages[2]?.interactive).toEqual({
      type: 'list_reply',
      list_reply: { id: 'row-2', title: 'Second', description: 'the second row' },
    });
    expect(messages[3]).toMatchObject({
      type: 'location',
      location: { latitude: 52.37, longitude: 4.89, name: 'Dam' },
    });
    expect(messages[4]).toMatchObject({ type: 'image', image: { mime_type: 'image/jpeg', caption: 'look' } });
    const media = await fetch(`${emulator.url}/v25.0/${messages[4]?.image?.id}`, {
      headers: { authorization: 'Bearer t' },
    });
    expect(((await media.json()) as { file_size: number }).file_size).toBe(3);
  });

  it('answers the gateway’s subscription check', async () => {
    expect(await emulator.verifyWebhook()).toEqual({ status: 200, ok: true });
    await emulator.close();
    await receiver.close();
    await start({}, { verifyToken: 'another' });
    expect(await emulator.verifyWebhook()).toEqual({ status: 403, ok: false });
  });

  it('fails with CONFIG without a gateway URL and NETWORK when the gateway is down', async () => {
    emulator.gatewayUrl = undefined;
    const carol = emulator.customer({ phoneNumberId: PHONE, waId: '1' });
    await expect(carol.say('hi')).rejects.toSatisfy((e) => LoketError.is(e) && e.code === 'CONFIG');
    emulator.gatewayUrl = 'http://127.0.0.1:9';
    await expect(carol.say('hi')).rejects.toSatisfy((e) => LoketError.is(e) && e.code === 'NETWORK');
    expect(emulator.webhooks.map((w) => w.status)).toEqual([0, 0]);
  });
});

describe('emulator: status callbacks', () => {
  const statusesOf = (id: string) =>
    receiver.received.flatMap((r) => changeValue(r)?.statuses ?? []).filter((s) => s.id === id);

  it('fires sent, delivered, read for each accepted message, in order, when autoStatuses is on', async () => {
    await emulator.close();
    await receiver.close();
    await start({ autoStatuses: { delayMs: 5 } });
    const first = await sendText();
    const second = await sendText('+4915112345678');
    await emulator.flush();
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
    expect(statusesOf(first).map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
    expect(statusesOf(second).map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
    expect(statusesOf(first)[0]).toMatchObject({
      recipient_id: '31612345678',
      timestamp: '1700000000',
      pricing: { category: 'service' },
    });
    expect(statusesOf(first)[2]?.pricing).toBeUndefined();
  });

  it('fires only sent for a reaction', async () => {
    await emulator.close();
    await receiver.close();
    await start({ autoStatuses: true });
    const id = await sendText('+31612345678', 'reaction');
    await emulator.flush();
    expect(statusesOf(id).map((s) => s.status)).toEqual(['sent']);
  });

  it('fires nothing when autoStatuses is off', async () => {
    await sendText();
    await emulator.flush();
    expect(receiver.received).toEqual([]);
  });

  it('accepts the next message, then fails it asynchronously with the queued code', async () => {
    emulator.failNextWith(131047);
    const failed = await sendText();
    const fine = await sendText();
    await emulator.flush();
    expect(emulator.sent.map((s) => s.id)).toEqual([failed, fine]);
    expect(statusesOf(fine)).toEqual([]);
    const [status, ...rest] = statusesOf(failed);
    expect(rest).toEqual([]);
    expect(status).toMatchObject({ status: 'failed', recipient_id: '31612345678' });
    expect(status?.pricing).toBeUndefined();
    expect(status?.errors).toMatchObject([
      { code: 131047, title: 'Re-engagement message', error_data: { details: expect.stringContaining('24 hours') } },
    ]);
  });
});
