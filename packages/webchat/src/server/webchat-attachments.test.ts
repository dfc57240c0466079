import { afterEach, describe, expect, it } from 'vitest';
import { memoryBlobStore } from '../index.js';
import { startWebchat, type TestGateway } from './test-gateway.js';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
// The EBML header of a webm file, as a browser's MediaRecorder writes it for a voice note.
const WEBM = Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x87, 0x42, 0x82, 0x84, 0x77, 0x65, 0x62, 0x6d, 0, 0, 0, 0]);

let t: TestGateway | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function upload(gw: TestGateway, credential: string, bytes: Buffer, type: string, name: string) {
  const form = new FormData();
  form.append('file', new File([new Uint8Array(bytes)], name, { type }));
  const answer = await fetch(`${gw.url}/webchat/v1/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${credential}` },
    body: form,
  });
  const body = (await answer.json()) as { kind?: string; voice?: boolean; media: { id: string; url: string } };
  return { status: answer.status, body };
}

describe('attachments', () => {
  it('sniffs an image from its bytes, stores it, and serves it only through a signed URL in the message', async () => {
    t = await startWebchat({ webchat: { storage: memoryBlobStore() } });
    const client = t.client();
    const { credential } = (await client.session()).body;
    const up = await upload(t, credential, PNG, 'application/octet-stream', 'photo.png');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({
      kind: 'image',
      media: { mimeType: 'image/png', size: PNG.byteLength, filename: 'photo.png' },
    });
    const sent = await client.send({
      type: 'image',
      media: { id: up.body.media.id, url: 'https://evil.example/x.png' },
    });
    expect(sent.status).toBe(201);
    const [event] = (await client.events()).body.events;
    const content = event?.data.content as { media: { url: string; mimeType: string } } | undefined;
    const media = content?.media ?? { url: '', mimeType: '' };
    expect(media.url).not.toContain('evil');
    expect(media.mimeType).toBe('image/png');
    const download = await fetch(media.url);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
    const forged = new URL(media.url);
    forged.searchParams.set('exp', String(Number(forged.searchParams.get('exp')) + 3600));
    expect((await fetch(forged)).status).toBe(401);
    expect((await fetch(media.url.split('?')[0] ?? '')).status).toBe(401);
  });

  it('415 when the bytes are of no allowed type, whatever the name and declared type say', async () => {
    t = await startWebchat({ webchat: { storage: memoryBlobStore() } });
    const { credential } = (await t.client().session()).body;
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    expect((await upload(t, credential, html, 'image/png', 'cat.png')).status).toBe(415);
  });

  it('a recorded webm voice note is audio with voice: true', async () => {
    t = await startWebchat({ webchat: { storage: memoryBlobStore() } });
    const { credential } = (await t.client().session()).body;
    const up = await upload(t, credential, WEBM, 'audio/webm;codecs=opus', 'voice.webm');
    expect(up.body).toMatchObject({ kind: 'audio', voice: true, media: { mimeType: 'audio/webm' } });
  });

  it('413 past the size cap of the kind', async () => {
    t = await startWebchat({ webchat: { storage: memoryBlobStore(), attachments: { maxBytes: { image: 10 } } } });
    const { credential } = (await t.client().session()).body;
    expect((await upload(t, credential, PNG, 'image/png', 'big.png')).status).toBe(413);
  });

  it('a customer cannot attach another customer’s upload', async () => {
    t = await startWebchat({ webchat: { storage: memoryBlobStore() } });
    const owner = (await t.client().session()).body;
    const up = await upload(t, owner.credential, PNG, 'image/png', 'mine.png');
    const other = t.client();
    await other.session();
    expect((await other.send({ type: 'image', media: { id: up.body.media.id } })).status).toBe(400);
  });
});
