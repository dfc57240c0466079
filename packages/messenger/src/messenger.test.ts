import { readFileSync } from 'node:fs';
import { type Content, createGateway, memoryStore } from '@loket/core';
import { signedMetaRequest } from '@loket/testing';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messenger } from './index.js';
import { catchLoketError as failure } from '@loket/testing';

const GRAPH = 'https://graph.facebook.com';
const PAGE = '104857600123456';
const PSID = '7012345678901234';
const to = { channel: 'messenger' as const, account: PAGE, user: PSID };
const secrets = { appSecret: 's', verifyToken: 'v', accessToken: 'EAAG-page' };
const adapter = messenger({ ...secrets, transport: { sleep: async () => {} } });
const fixture = (name: string) =>
  readFileSync(new URL(`../../testing/fixtures/messenger/inbound/${name}.json`, import.meta.url));

/** nock hands a multipart body over as hex when it holds binary parts. */
const multipartText = (body: string): string =>
  /^[0-9a-f]+$/.test(body) ? Buffer.from(body, 'hex').toString('latin1') : body;

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

describe('messenger options', () => {
  it('fails at construction with CONFIG naming a missing secret', async () => {
    const err = await failure(() => messenger({ appSecret: 's', verifyToken: 'v' } as never));
    expect(err.code).toBe('CONFIG');
    expect(err.message).toBe(
      '[loket] [messenger] accessToken is missing: pass it to messenger({...}) or set MESSENGER_ACCESS_TOKEN',
    );
  });

  it('sends from pageId when to.account is *, and asks for one when there is none', async () => {
    const scope = nock(GRAPH).post(`/v25.0/${PAGE}/messages`).reply(200, { recipient_id: PSID, message_id: 'm_1' });
    const withPage = messenger({ ...secrets, pageId: PAGE });
    const receipt = await withPage.send({ to: { ...to, account: '*' }, content: { type: 'text', text: 'Hi' } });
    expect(receipt).toMatchObject({ messageId: 'm_1', conversation: to });
    expect(scope.isDone()).toBe(true);
    const err = await failure(() =>
      adapter.send({ to: { ...to, account: '*' }, content: { type: 'text', text: 'Hi' } }),
    );
    expect(err.code).toBe('CONFIG');
    expect(err.message).toContain('pass pageId to messenger({...})');
  });
});

describe('messenger send', () => {
  it('uploads bytes with the Attachment Upload API, then sends the attachment id', async () => {
    const forms: string[] = [];
    const scope = nock(GRAPH)
      .post(`/v25.0/${PAGE}/message_attachments`, (body: string) => forms.push(multipartText(body)) > 0)
      .matchHeader('authorization', 'Bearer EAAG-page')
      .reply(200, { attachment_id: '1857777774821032' })
      .post(`/v25.0/${PAGE}/messages`, {
        recipient: { id: PSID },
        messaging_type: 'RESPONSE',
        message: { attachment: { type: 'file', payload: { attachment_id: '1857777774821032' } } },
      })
      .reply(200, { recipient_id: PSID, message_id: 'm_file' });
    const data = new TextEncoder().encode('%PDF-1.7');
    const receipt = await adapter.send({
      to,
      content: { type: 'file', media: { data, mimeType: 'application/pdf', filename: 'invoice.pdf' } },
    });
    expect(receipt.messageId).toBe('m_file');
    const [form = ''] = forms;
    expect(form).toContain('{"attachment":{"type":"file","payload":{"is_reusable":true}}}');
    expect(form).toContain('filename="invoice.pdf"');
    expect(form).toContain('%PDF-1.7');
    expect(scope.isDone()).toBe(true);
  });

  it('sends a caption as a text after the attachment (Messenger attachments have none)', async () => {
    const gateway = createGateway({ channels: [adapter], store: memoryStore() });
    await gateway.store.conversations.recordInbound(to, Date.now());
    const image = { attachment: { type: 'image', payload: { url: 'https://example.com/a.png' } } };
    const scope = nock(GRAPH)
      .post(`/v25.0/${PAGE}/messages`, { recipient: { id: PSID }, messaging_type: 'RESPONSE', message: image })
      .reply(200, { recipient_id: PSID, message_id: 'm_img' })
      .post(`/v25.0/${PAGE}/messages`, {
        recipient: { id: PSID },
        messaging_type: 'RESPONSE',
        message: { text: 'Look' },
      })
      .reply(200, { recipient_id: PSID, message_id: 'm_caption' });
    const receipt = await gateway.send({
      to,
      content: { type: 'image', media: { url: 'https://example.com/a.png' }, caption: 'Look' },
    });
    await gateway.close();
    expect(receipt).toMatchObject({ messageId: 'm_img', messageIds: ['m_img', 'm_caption'] });
    expect(scope.isDone()).toBe(true);
  });

  it('refuses a caption handed to adapter.send directly instead of dropping it', async () => {
    const err = await failure(() =>
      adapter.send({ to, content: { type: 'image', media: { url: 'https://example.com/a.png' }, caption: 'Look' } }),
    );
    expect(err.code).toBe('UNSUPPORTED_CONTENT');
  });

  it('retries a throttled send (613) and returns the receipt of the attempt that passed', async () => {
    const scope = nock(GRAPH)
      .post(`/v25.0/${PAGE}/messages`)
      .reply(400, { error: { message: '(#613) Calls to this api have exceeded the rate limit.', code: 613 } })
      .post(`/v25.0/${PAGE}/messages`)
      .reply(200, { recipient_id: PSID, message_id: 'm_2' });
    expect((await adapter.send({ to, content: { type: 'text', text: 'Hi' } })).messageId).toBe('m_2');
    expect(scope.isDone()).toBe(true);
  });

  it('refuses content Messenger has no form for, without calling the API', async () => {
    const list: Content = {
      type: 'list',
      text: 'Pick',
      button: 'Menu',
      sections: [{ rows: [{ id: 'a', title: 'A' }] }],
    };
    expect((await failure(() => adapter.send({ to, content: list }))).code).toBe('UNSUPPORTED_CONTENT');
    const quick: Content = {
      type: 'buttons',
      style: 'quickReplies',
      text: 'Go',
      buttons: [{ url: 'https://e.com', title: 'E' }],
    };
    expect((await failure(() => adapter.send({ to, content: quick }))).code).toBe('UNSUPPORTED_CONTENT');
  });
});

describe('messenger text limit through the gateway', () => {
  it('splits 2001 characters on a word boundary into two sends, and refuses them in strict mode', async () => {
    const words = `${'word '.repeat(399)}tail!!`; // 2001 characters
    const texts: string[] = [];
    nock(GRAPH)
      .post(`/v25.0/${PAGE}/messages`, (body: { message: { text: string } }) => texts.push(body.message.text) > 0)
      .twice()
      .reply(200, { recipient_id: PSID, message_id: 'm_part' });
    const store = memoryStore();
    await store.conversations.recordInbound(to, Date.now());
    const gateway = createGateway({ channels: [adapter], store });
    const strict = await failure(() => gateway.send({ to, content: { type: 'text', text: words } }, { strict: true }));
    expect(strict.code).toBe('CONTENT_LIMIT');
    await gateway.send({ to, content: { type: 'text', text: words } });
    expect(texts.map((t) => [...t].length <= 2000)).toEqual([true, true]);
    expect(texts[1]).toBe('tail!!');
    await gateway.close();
  });
});

describe('messenger handover protocol', () => {
  it('passes the thread to the Page inbox, takes it back, and asks for it', async () => {
    const ok = { success: true };
    const scope = nock(GRAPH)
      .post(`/v25.0/${PAGE}/pass_thread_control`, {
        recipient: { id: PSID },
        target_app_id: '263902037430900',
        metadata: 'customer asked for a person',
      })
      .reply(200, ok)
      .post(`/v25.0/${PAGE}/take_thread_control`, { recipient: { id: PSID } })
      .reply(200, ok)
      .post(`/v25.0/${PAGE}/request_thread_control`, { recipient: { id: PSID }, metadata: 'bot wants it back' })
      .reply(200, ok);
    await adapter.threadControl.pass(to, { metadata: 'customer asked for a person' });
    await adapter.threadControl.take(to);
    await adapter.threadControl.request(to, { metadata: 'bot wants it back' });
    expect(scope.isDone()).toBe(true);
  });

  it('maps a refused pass (not the thread owner) to a LoketError', async () => {
    nock(GRAPH)
      .post(`/v25.0/${PAGE}/pass_thread_control`)
      .reply(400, { error: { message: '(#10) Only the thread owner can pass', code: 10, error_subcode: 2018300 } });
    const err = await failure(() =>
      messenger({ ...secrets, transport: { retry: { attempts: 1 } } }).threadControl.pass(to),
    );
    expect(err).toMatchObject({ code: 'AUTH_FAILED', platformCode: '10/2018300' });
  });
});

describe('gateway.handoff on Messenger', () => {
  it('passes the thread to the Page inbox for a human and takes it back for the bot', async () => {
    const ok = { success: true };
    const scope = nock(GRAPH)
      .post(`/v25.0/${PAGE}/pass_thread_control`, {
        recipient: { id: PSID },
        target_app_id: '263902037430900',
        metadata: 'wants a person',
      })
      .reply(200, ok)
      .post(`/v25.0/${PAGE}/take_thread_control`, { recipient: { id: PSID } })
      .reply(200, ok);
    const gateway = createGateway({ channels: [adapter], store: memoryStore() });
    expect(await gateway.handoff(to, { to: 'human', reason: 'wants a person' })).toMatchObject({ to: 'human' });
    expect(await gateway.handoff(to, { to: 'bot' })).toMatchObject({ from: 'human', to: 'bot' });
    expect(scope.isDone()).toBe(true);
    await gateway.close();
  });

  it('a refused pass comes back in the result; the controller switches all the same', async () => {
    nock(GRAPH)
      .post(`/v25.0/${PAGE}/pass_thread_control`)
      .reply(400, { error: { message: '(#10) Only the thread owner can pass', code: 10, error_subcode: 2018300 } });
    const gateway = createGateway({
      channels: [messenger({ ...secrets, transport: { retry: { attempts: 1 } } })],
      store: memoryStore(),
    });
    const result = await gateway.handoff(to, { to: 'human' });
    expect(result.platformError).toMatchObject({ code: 'AUTH_FAILED', platformCode: '10/2018300' });
    expect(await gateway.controller(to)).toBe('human');
    await gateway.close();
  });
});

describe('messenger echoes', () => {
  const echoOf = (name: string, a = adapter) => {
    const [event] = a.parse(signedMetaRequest({ body: fixture(name), secret: 's', channel: 'messenger' }));
    return event!;
  };

  it('tells its own sends from the Page inbox and other apps by app_id', () => {
    const own = messenger({ ...secrets, appId: '1517776481860111' });
    expect(echoOf('echo-page-inbox').type).toBe('echo');
    expect(adapter.echoSource(echoOf('echo-page-inbox'))).toBe('page_inbox');
    expect(own.echoSource(echoOf('echo-own-template', own))).toBe('self');
    expect(adapter.echoSource(echoOf('echo-own-template'))).toBe('other_app');
    expect(adapter.echoSource(echoOf('text'))).toBeUndefined();
  });
});
