import { readFileSync } from 'node:fs';
import { LoketError } from '@loket/core';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { whatsapp } from './whatsapp.js';
import { catchLoketError as failure } from '@loket/testing';

const GRAPH = 'https://graph.facebook.com';
const LOOKASIDE = 'https://lookaside.fbsbx.com';
const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../testing/fixtures/whatsapp/api/${name}.json`, import.meta.url), 'utf8'));
const mediaUrl = fixture('media-url-success');
const adapter = whatsapp({
  appSecret: 's',
  verifyToken: 'v',
  accessToken: 'EAAG-media',
  transport: { retry: { attempts: 1 } },
});

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

describe('downloadMedia', () => {
  it('looks the URL up, then fetches it with the same Bearer token', async () => {
    const bytes = Buffer.from('fake-jpeg-bytes');
    const scope = nock(GRAPH, { reqheaders: { authorization: 'Bearer EAAG-media' } })
      .get(mediaUrl.request.path)
      .reply(200, mediaUrl.response.body);
    const download = nock(LOOKASIDE, { reqheaders: { authorization: 'Bearer EAAG-media' } })
      .get('/whatsapp_business/attachments/')
      .query({ mid: '1003383421387256', ext: '1739321200', hash: 'ATuKx9' })
      .reply(200, bytes, { 'content-type': 'image/jpeg' });
    const media = await adapter.downloadMedia('1003383421387256');
    expect(media).toEqual({
      data: new Uint8Array(bytes),
      mimeType: 'image/jpeg',
      sha256: mediaUrl.response.body.sha256,
      size: bytes.length,
    });
    expect(scope.isDone() && download.isDone()).toBe(true);
  });

  it('refuses a file Meta says is too large before downloading it', async () => {
    nock(GRAPH)
      .get('/v25.0/m1')
      .reply(200, { ...mediaUrl.response.body, id: 'm1', file_size: 6 * 1024 * 1024 });
    const err = await failure(adapter.downloadMedia('m1', { kind: 'image' }));
    expect(err).toMatchObject({ code: 'MEDIA_ERROR', retryable: false });
    expect(err.message).toMatch(/media m1 is 6291456 bytes, over the 5242880-byte limit/);
  });

  it('stops a download that grows past maxBytes', async () => {
    nock(GRAPH)
      .get('/v25.0/m2')
      .reply(200, { ...mediaUrl.response.body, id: 'm2', file_size: undefined });
    nock(LOOKASIDE).get('/whatsapp_business/attachments/').query(true).reply(200, Buffer.alloc(64));
    const err = await failure(adapter.downloadMedia('m2', { maxBytes: 10 }));
    expect(err.code).toBe('MEDIA_ERROR');
  });

  it('turns Graph errors into MEDIA_ERROR, keeping the platform code and retryability', async () => {
    nock(GRAPH)
      .get('/v25.0/m3')
      .reply(400, {
        error: {
          message: 'Unsupported get request',
          type: 'GraphMethodException',
          code: 100,
          error_subcode: 33,
          fbtrace_id: 'T',
        },
      });
    const err = await failure(adapter.downloadMedia('m3'));
    expect(err).toMatchObject({ code: 'MEDIA_ERROR', retryable: false, platformCode: '100/33' });
    expect(err.message).toMatch(/^\[loket\] \[whatsapp\] could not get the URL of media m3: Graph API error 100\/33/);
    expect(LoketError.is(err.cause) && err.cause.code).toBe('BAD_REQUEST');
  });

  it('refuses an id that is not one (no path tricks)', async () => {
    expect((await failure(adapter.downloadMedia('../me'))).code).toBe('MEDIA_ERROR');
  });
});

describe('uploadMedia', () => {
  it('posts multipart file, type and messaging_product, and returns the id', async () => {
    const upload = fixture('media-upload-success');
    let form = '';
    const scope = nock(GRAPH)
      .post(upload.request.path, (body: string) => {
        form = /^[0-9a-f]+$/.test(body) ? Buffer.from(body, 'hex').toString('latin1') : body;
        return true;
      })
      .reply(200, upload.response.body);
    const id = await adapter.uploadMedia('106540352242922', {
      data: new TextEncoder().encode('%PDF-1.7'),
      mimeType: 'application/pdf',
      filename: 'x.pdf',
    });
    expect(id).toBe('1479537139650973');
    expect(scope.isDone()).toBe(true);
    expect(form).toMatch(/name="messaging_product"\r\n\r\nwhatsapp/);
    expect(form).toMatch(/name="type"\r\n\r\napplication\/pdf/);
    expect(form).toMatch(/name="file"; filename="x.pdf"\r\nContent-Type: application\/pdf\r\n\r\n%PDF-1.7/);
  });

  it('turns an upload failure into MEDIA_ERROR', async () => {
    nock(GRAPH)
      .post('/v25.0/106540352242922/media')
      .reply(400, { error: { message: 'Media upload error', type: 'OAuthException', code: 131053, fbtrace_id: 'T' } });
    const err = await failure(
      adapter.uploadMedia('106540352242922', { data: new Uint8Array([1]), mimeType: 'image/png' }),
    );
    expect(err).toMatchObject({ code: 'MEDIA_ERROR', platformCode: 131053 });
  });
});
