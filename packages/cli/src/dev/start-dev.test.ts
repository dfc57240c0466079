import { metaHandshakeRequest } from '@loket/testing/kit';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationView } from './conversations.js';
import type { DevServer } from './start-dev.js';
import type { TimelineItem } from './timeline.js';
import { startTestDev } from '../test-support/test-dev.js';

let dev: DevServer | undefined;
afterEach(async () => {
  await dev?.close();
  dev = undefined;
});

const post = async (url: string, body: unknown) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

describe('loket dev server', () => {
  it('serves the console page and its assets on /', async () => {
    dev = await startTestDev();
    const page = await fetch(`${dev.url}/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('Loket <span>dev console</span>');
    expect((await fetch(`${dev.url}/console.js`)).status).toBe(200);
    expect((await fetch(`${dev.url}/nope`)).status).toBe(404);
  });

  it('serves a favicon the console page links to', async () => {
    dev = await startTestDev();
    expect(await (await fetch(`${dev.url}/`)).text()).toContain('<link rel="icon" href="/favicon.svg"');
    const icon = await fetch(`${dev.url}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toContain('<svg');
  });

  it('serves the gateway webhook routes on the same port: handshake, and 401 without a signature', async () => {
    dev = await startTestDev();
    const url = metaHandshakeRequest({
      url: `${dev.url}/webhooks/whatsapp`,
      verifyToken: 'loket-dev-verify-token',
      challenge: '4242',
    }).url;
    const handshake = await fetch(url);
    expect(await handshake.text()).toBe('4242');
    const unsigned = await fetch(`${dev.url}/webhooks/whatsapp`, { method: 'POST', body: '{}' });
    expect(unsigned.status).toBe(401);
    await expect
      .poll(() => dev!.timeline.since().some((i) => i.kind === 'webhook' && i.title.endsWith('→ 401')))
      .toBe(true);
  });

  it('lists a simulated conversation with its open window, the echo and the statuses', async () => {
    dev = await startTestDev();
    const sim = await post(`${dev.url}/console/api/simulate`, {
      channel: 'whatsapp',
      text: 'hello',
      from: '31600000002',
    });
    expect(sim.json).toMatchObject({ status: 200, ok: true });
    await expect
      .poll(async () =>
        ((await (await fetch(`${dev!.url}/console/api/events`)).json()) as TimelineItem[]).map((i) => i.title),
      )
      .toEqual(expect.arrayContaining(['text "hello"', 'text "Echo: hello"', 'status read']));
    const conversations = (await (await fetch(`${dev.url}/console/api/conversations`)).json()) as ConversationView[];
    expect(conversations[0]).toMatchObject({
      key: 'whatsapp:106540352242922:31600000002',
      window: { state: 'open', label: expect.stringMatching(/^open, closes in 2[34] h$/) },
      consent: [],
    });
  });

  it('shows a closed window and refuses the echo with OUTSIDE_WINDOW when the customer wrote 25 h ago', async () => {
    dev = await startTestDev();
    await post(`${dev.url}/console/api/simulate`, {
      channel: 'whatsapp',
      text: 'old',
      from: '31600000003',
      hoursAgo: 25,
    });
    await expect
      .poll(() => dev!.timeline.since().find((i) => i.kind === 'refused')?.error?.code)
      .toBe('OUTSIDE_WINDOW');
    const conversations = (await (await fetch(`${dev.url}/console/api/conversations`)).json()) as ConversationView[];
    expect(conversations[0]?.window).toMatchObject({ state: 'closed', label: 'closed 1 h ago' });
  });

  it('refuses a business-first send with its LoketError and puts it on the timeline', async () => {
    dev = await startTestDev();
    const sent = await post(`${dev.url}/console/api/send`, {
      channel: 'whatsapp',
      user: '31699999999',
      text: 'Your parcel',
    });
    expect(sent.json).toMatchObject({ ok: false, error: { code: 'OUTSIDE_WINDOW' } });
    expect(String((sent.json.error as { message: string }).message)).toContain('send an approved message template');
    expect(dev.timeline.since().at(-1)).toMatchObject({ kind: 'refused', conversation: { user: '31699999999' } });
    expect(dev.emulator.sent).toHaveLength(0);
  });

  it('sends a template once the console granted consent (business first, no window)', async () => {
    dev = await startTestDev();
    const user = '31688888888';
    const template = { name: 'order_update', language: 'en' };
    const refused = await post(`${dev.url}/console/api/send`, { channel: 'whatsapp', user, template });
    expect(refused.json).toMatchObject({ ok: false, error: { code: 'CONSENT_REQUIRED' } });
    const granted = await post(`${dev.url}/console/api/consent`, { channel: 'whatsapp', user, topic: '*' });
    expect(granted).toMatchObject({ status: 200, json: { ok: true, topic: '*' } });
    const sent = await post(`${dev.url}/console/api/send`, { channel: 'whatsapp', user, template });
    expect(sent.json).toMatchObject({ ok: true });
    expect(dev.emulator.sent.at(-1)).toMatchObject({ type: 'template', to: `+${user}` });
    const views = (await (await fetch(`${dev.url}/console/api/conversations`)).json()) as ConversationView[];
    expect(views.find((v) => v.ref.user === user)?.consent).toEqual([
      expect.objectContaining({ topic: '*', status: 'granted', source: 'dev console' }),
    ]);
    const neither = await post(`${dev.url}/console/api/send`, { channel: 'whatsapp', user });
    expect(neither.status).toBe(400);
  });

  it('names a customer once when the profile name is their id', async () => {
    dev = await startTestDev();
    await post(`${dev.url}/console/api/simulate`, {
      channel: 'whatsapp',
      text: 'hi',
      from: '31677777777',
      name: '31677777777',
    });
    await post(`${dev.url}/console/api/simulate`, {
      channel: 'whatsapp',
      text: 'hi',
      from: '31677777778',
      name: 'Ada',
    });
    await expect
      .poll(
        async () =>
          ((await (await fetch(`${dev!.url}/console/api/conversations`)).json()) as ConversationView[]).length,
      )
      .toBe(2);
    const views = (await (await fetch(`${dev.url}/console/api/conversations`)).json()) as ConversationView[];
    expect(views.find((v) => v.ref.user === '31677777777')?.name).toBeUndefined();
    expect(views.find((v) => v.ref.user === '31677777778')?.name).toBe('Ada');
  });

  it('streams timeline items over Server-Sent Events', async () => {
    dev = await startTestDev();
    const controller = new AbortController();
    const res = await fetch(`${dev.url}/console/api/stream`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    await post(`${dev.url}/console/api/simulate`, { channel: 'whatsapp', text: 'live' });
    let text = '';
    while (!text.includes('text \\"live\\"')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toMatch(/^id: \d+\ndata: \{/m);
    controller.abort();
  });

  it('takes a conversation over from the echo bot and shows the session service level', async () => {
    dev = await startTestDev();
    const from = '31600000005';
    const echoes = () => dev!.timeline.since().filter((i) => i.title.startsWith('text "Echo:')).length;
    await post(`${dev.url}/console/api/simulate`, { channel: 'whatsapp', text: 'first', from });
    await expect.poll(echoes).toBe(1);
    const [view] = (await (await fetch(`${dev.url}/console/api/conversations`)).json()) as ConversationView[];
    expect(view?.controller).toBe('bot');
    const taken = await post(`${dev.url}/console/api/handoff`, { ...view!.ref, to: 'human' });
    expect(taken).toMatchObject({ status: 200, json: { from: 'bot', to: 'human', changed: true } });
    await post(`${dev.url}/console/api/simulate`, { channel: 'whatsapp', text: 'second', from });
    await expect.poll(() => dev!.timeline.since().some((i) => i.title === 'text "second"')).toBe(true);
    const [after] = (await (await fetch(`${dev.url}/console/api/conversations`)).json()) as ConversationView[];
    expect(after?.controller).toBe('human');
    await post(`${dev.url}/console/api/send`, { channel: 'whatsapp', user: from, text: 'A person now.' });
    const sla = (await (await fetch(`${dev.url}/console/api/sla`)).json()) as Record<string, unknown>;
    expect(sla).toMatchObject({ answered: 1, answeredWithin: 1, serviceLevel: 100, target: { withinSeconds: 300 } });
    expect(echoes()).toBe(1);
  });

  it('answers 400 with the field for a bad console request', async () => {
    dev = await startTestDev();
    const res = await post(`${dev.url}/console/api/simulate`, { channel: 'whatsapp' });
    expect(res).toMatchObject({ status: 400, json: { error: expect.stringContaining('text') } });
  });
});
