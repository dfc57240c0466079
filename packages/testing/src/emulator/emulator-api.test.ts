import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from './emulator.js';
import type { RecordedRequest } from './emulator-types.js';

const AUTH = { authorization: 'Bearer test-token', 'content-type': 'application/json' };
const PHONE = '106540352242922';
const textBody = (text = 'Hello') => ({
  messaging_product: 'whatsapp',
  to: '+31612345678',
  type: 'text',
  text: { body: text },
});

let emulator: Emulator;
beforeEach(async () => {
  emulator = await createEmulator({ appSecret: 'app-secret' });
});
afterEach(() => emulator.close());

/** The parts of Graph answers these tests read. */
interface GraphAnswer {
  messages?: { id: string; message_status?: string }[];
  error?: {
    code: number;
    type: string;
    error_subcode?: number;
    is_transient?: boolean;
    error_data: { details: string };
  };
  [key: string]: unknown;
}

async function post(path: string, body: unknown, headers: Record<string, string> = AUTH) {
  const res = await fetch(emulator.url + path, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, headers: res.headers, json: (await res.json()) as GraphAnswer };
}

describe('emulator: WhatsApp messages', () => {
  it('accepts a text like the Cloud API and records it', async () => {
    const seen: RecordedRequest[] = [];
    emulator.on('request', (r) => seen.push(r));
    const res = await post(`/v25.0/${PHONE}/messages`, textBody());
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      messaging_product: 'whatsapp',
      contacts: [{ input: '+31612345678', wa_id: '31612345678' }],
    });
    const id = res.json.messages?.[0]?.id;
    expect(id).toMatch(/^wamid\./);
    expect(emulator.sent).toMatchObject([
      { channel: 'whatsapp', id, account: PHONE, to: '+31612345678', type: 'text', body: textBody() },
    ]);
    expect(emulator.requests).toMatchObject([
      { method: 'POST', path: `/v25.0/${PHONE}/messages`, status: 200, json: textBody() },
    ]);
    expect(seen).toHaveLength(1);
  });

  it('answers a read mark with success and does not count it as sent', async () => {
    const res = await post(`/v25.0/${PHONE}/messages`, {
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: 'wamid.X',
    });
    expect(res).toMatchObject({ status: 200, json: { success: true } });
    expect(emulator.sent).toEqual([]);
  });

  it('marks template acceptance with message_status', async () => {
    const template = { name: 'hello_world', language: { code: 'en_US' } };
    const res = await post(`/v25.0/${PHONE}/messages`, {
      messaging_product: 'whatsapp',
      to: '31612345678',
      type: 'template',
      template,
    });
    expect(res.json.messages?.[0]?.message_status).toBe('accepted');
  });

  it.each([
    ['no messaging_product', { to: '+31612345678', type: 'text', text: { body: 'x' } }],
    ['an empty text', textBody('')],
    ['a text over 4096 characters', textBody('x'.repeat(4097))],
    ['an unknown type', { ...textBody(), type: 'hologram', hologram: {} }],
    [
      'an image with both id and link',
      { messaging_product: 'whatsapp', to: '1234567', type: 'image', image: { id: '1', link: 'https://x' } },
    ],
    [
      'four reply buttons',
      {
        messaging_product: 'whatsapp',
        to: '1234567',
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'Pick' },
          action: { buttons: [1, 2, 3, 4].map((i) => ({ type: 'reply', reply: { id: `${i}`, title: `B${i}` } })) },
        },
      },
    ],
  ])('refuses %s with a Graph 400 (#100)', async (_name, body) => {
    const res = await post(`/v25.0/${PHONE}/messages`, body);
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 100, type: 'OAuthException' });
    expect(typeof res.json.error?.error_data.details).toBe('string');
    expect(emulator.sent).toEqual([]);
  });

  it('requires a bearer token and the configured Graph version', async () => {
    const noAuth = await post(`/v25.0/${PHONE}/messages`, textBody(), { 'content-type': 'application/json' });
    expect(noAuth.status).toBe(401);
    expect(noAuth.json.error?.code).toBe(190);
    const oldVersion = await post(`/v19.0/${PHONE}/messages`, textBody());
    expect(oldVersion.status).toBe(400);
    expect(emulator.sent).toEqual([]);
  });

  it('checks the exact token when it was given one', async () => {
    await emulator.close();
    emulator = await createEmulator({ appSecret: 'app-secret', accessToken: 'right' });
    expect((await post(`/v25.0/${PHONE}/messages`, textBody())).status).toBe(401);
    expect(
      (await post(`/v25.0/${PHONE}/messages`, textBody(), { ...AUTH, authorization: 'Bearer right' })).status,
    ).toBe(200);
  });

  it('answers 404 for paths it does not emulate', async () => {
    const res = await post('/nothing/here', {});
    expect(res.status).toBe(404);
  });

  it('waits for accepted messages, and gives up with NETWORK when none come', async () => {
    const waiting = emulator.waitForSent(2);
    await post(`/v25.0/${PHONE}/messages`, textBody('one'));
    await post(`/v25.0/${PHONE}/messages`, textBody('two'));
    expect((await waiting).map((m) => m.body.text)).toEqual([{ body: 'one' }, { body: 'two' }]);
    await expect(emulator.waitForSent(3, 20)).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('forgets everything on clear()', async () => {
    await post(`/v25.0/${PHONE}/messages`, textBody());
    emulator.inject429({ times: 5 });
    emulator.clear();
    expect(emulator.requests).toEqual([]);
    expect(emulator.sent).toEqual([]);
    expect((await post(`/v25.0/${PHONE}/messages`, textBody())).status).toBe(200);
  });
});

describe('emulator: injected failures', () => {
  it('answers 429 with retry-after and Graph 130429, for `times` requests, then normally', async () => {
    emulator.inject429({ retryAfter: 3, times: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await post(`/v25.0/${PHONE}/messages`, textBody());
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('3');
      expect(res.json.error?.code).toBe(130429);
    }
    expect((await post(`/v25.0/${PHONE}/messages`, textBody())).status).toBe(200);
    expect(emulator.requests.map((r) => r.injected)).toEqual([true, true, false]);
    expect(emulator.sent).toHaveLength(1);
  });

  it('answers transient 5xx errors', async () => {
    emulator.inject5xx();
    const res = await post(`/v25.0/${PHONE}/messages`, textBody());
    expect(res.status).toBe(503);
    expect(res.json.error).toMatchObject({ code: 2, is_transient: true });
  });

  it('answers any Graph error code with its usual status', async () => {
    emulator.injectGraphError(131056);
    emulator.injectGraphError(190, 463);
    const pair = await post(`/v25.0/${PHONE}/messages`, textBody());
    expect(pair.status).toBe(400);
    expect(pair.json.error?.code).toBe(131056);
    const expired = await post(`/v25.0/${PHONE}/messages`, textBody());
    expect(expired.status).toBe(401);
    expect(expired.json.error).toMatchObject({ code: 190, error_subcode: 463 });
  });

  it('injects only into matching requests', async () => {
    emulator.inject({ status: 500, match: { method: 'GET' } });
    expect((await post(`/v25.0/${PHONE}/messages`, textBody())).status).toBe(200);
    const res = await fetch(`${emulator.url}/v25.0/123`, { headers: AUTH });
    expect(res.status).toBe(500);
  });
});

describe('emulator: media', () => {
  it('uploads, describes, serves and deletes media', async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0x00, 0x01]);
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('type', 'image/jpeg');
    form.set('file', new Blob([bytes], { type: 'image/jpeg' }), 'photo.jpg');
    const upload = await fetch(`${emulator.url}/v25.0/${PHONE}/media`, {
      method: 'POST',
      headers: { authorization: AUTH.authorization },
      body: form,
    });
    expect(upload.status).toBe(200);
    const { id } = (await upload.json()) as { id: string };
    expect(id).toMatch(/^\d+$/);

    const info = (await (await fetch(`${emulator.url}/v25.0/${id}`, { headers: AUTH })).json()) as Record<
      string,
      unknown
    >;
    // sha256 of ff d8 ff 00 01, computed independently.
    const sha256 = '6c13f379ff513a750741206db9e93afd6a6b8bf688c5766d74384b5ab07e87fb';
    expect(info).toMatchObject({ id, mime_type: 'image/jpeg', file_size: 5, sha256, messaging_product: 'whatsapp' });
    expect(String(info.url).startsWith(emulator.url)).toBe(true);

    expect((await fetch(String(info.url))).status).toBe(401);
    const download = await fetch(String(info.url), { headers: AUTH });
    expect(download.headers.get('content-type')).toBe('image/jpeg');
    expect(Array.from(new Uint8Array(await download.arrayBuffer()))).toEqual(Array.from(bytes));

    expect((await fetch(`${emulator.url}/v25.0/${id}`, { method: 'DELETE', headers: AUTH })).status).toBe(200);
    const gone = await fetch(`${emulator.url}/v25.0/${id}`, { headers: AUTH });
    expect(gone.status).toBe(400);
    expect(((await gone.json()) as GraphAnswer).error).toMatchObject({ code: 100, error_subcode: 33 });
  });

  it('refuses an upload without a file', async () => {
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    const res = await fetch(`${emulator.url}/v25.0/${PHONE}/media`, {
      method: 'POST',
      headers: { authorization: AUTH.authorization },
      body: form,
    });
    expect(res.status).toBe(400);
  });
});
