import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { metaHandshakeRequest, signedMetaRequest } from './meta-requests.js';
import { toFetchRequest, webhookRequest } from './webhook-request.js';
import { signedXRequest, xCrcRequest } from './x-requests.js';

const BODY = '{"text":"caf\\u00e9"}';
const hmac = (body: string, secret: string, enc: 'hex' | 'base64') =>
  createHmac('sha256', secret).update(body).digest(enc);

describe('request builders', () => {
  it('signedMetaRequest: the exact bytes, JSON content type and x-hub-signature-256', () => {
    const req = signedMetaRequest({ body: BODY, secret: 's', channel: 'messenger' });
    expect(req).toMatchObject({ method: 'POST', url: 'http://localhost/webhooks/messenger' });
    expect(Buffer.from(req.body).toString('utf8')).toBe(BODY);
    expect(req.headers.get('content-type')).toBe('application/json');
    expect(req.headers.get('x-hub-signature-256')).toBe(`sha256=${hmac(BODY, 's', 'hex')}`);
  });

  it('signedXRequest: sha256=<base64> in the chosen header', () => {
    const req = signedXRequest({ body: BODY, secret: 'c', header: 'x-twitter-webhooks-signature-oauth2' });
    expect(req.url).toBe('http://localhost/webhooks/twitter-dm');
    expect(req.headers.get('x-twitter-webhooks-signature-oauth2')).toBe(`sha256=${hmac(BODY, 'c', 'base64')}`);
  });

  it('metaHandshakeRequest and xCrcRequest: GETs with the platform query', () => {
    const hub = new URL(
      metaHandshakeRequest({ verifyToken: 'vt', challenge: '42', url: 'https://gw.test/webhooks/whatsapp' }).url,
    );
    expect(Object.fromEntries(hub.searchParams)).toEqual({
      'hub.mode': 'subscribe',
      'hub.verify_token': 'vt',
      'hub.challenge': '42',
    });
    expect(hub.pathname).toBe('/webhooks/whatsapp');
    const crc = xCrcRequest({ crcToken: 'abc' });
    expect(crc.method).toBe('GET');
    expect(new URL(crc.url).searchParams.get('crc_token')).toBe('abc');
  });

  it('toFetchRequest: a Web Request with the same method, URL, headers and bytes', async () => {
    const req = toFetchRequest(signedMetaRequest({ body: BODY, secret: 's' }));
    expect(req.method).toBe('POST');
    expect(req.url).toBe('http://localhost/webhooks/whatsapp');
    expect(req.headers.get('x-hub-signature-256')).toBe(`sha256=${hmac(BODY, 's', 'hex')}`);
    expect(await req.text()).toBe(BODY);
    const get = toFetchRequest(webhookRequest({ method: 'GET' }));
    expect(get.body).toBeNull();
  });
});
