import { createHmac } from 'node:crypto';
import { capabilitiesSchema, LoketError, type WebhookRequest } from '@loket/core';
import { describe, expect, it } from 'vitest';
import { whatsapp } from './whatsapp.js';

const options = { appSecret: 'app-secret', verifyToken: 'verify-me', accessToken: 'EAAG-token' };

function configError(input: unknown): LoketError {
  try {
    whatsapp(input as Parameters<typeof whatsapp>[0]);
  } catch (err) {
    if (LoketError.is(err)) return err;
  }
  throw new Error('expected CONFIG');
}

describe('whatsapp()', () => {
  it.each(['appSecret', 'verifyToken', 'accessToken'])('fails at construction without %s', (key) => {
    const err = configError({ ...options, [key]: undefined });
    const variable = `WHATSAPP_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
    expect(err).toMatchObject({
      code: 'CONFIG',
      message: `[loket] [whatsapp] ${key} is missing: pass it to whatsapp({...}) or set ${variable}`,
    });
  });

  it('checks graphVersion, apiBaseUrl and phoneNumberId', () => {
    expect(configError({ ...options, graphVersion: 'v25' }).message).toMatch(
      /graphVersion is invalid \(not a Graph API version\): use the form v25\.0 in whatsapp\(\{\.\.\.\}\)/,
    );
    expect(configError({ ...options, apiBaseUrl: 'nope' }).message).toMatch(
      /apiBaseUrl "nope" is not an http\(s\) URL/,
    );
    expect(configError({ ...options, phoneNumberId: '+1555' }).message).toMatch(
      /^\[loket\] \[whatsapp\] phoneNumberId is invalid/,
    );
  });

  it('is the whatsapp channel with valid capabilities', () => {
    const adapter = whatsapp(options);
    expect(adapter.channel).toBe('whatsapp');
    const caps = capabilitiesSchema.parse(adapter.capabilities);
    expect(caps.text).toEqual({ maxLength: 4096, unit: 'chars' });
    expect(caps.buttons).toEqual({ max: 3, titleMax: 20, textMax: 1024, urlMax: 1, mixed: false });
    expect(caps.list).toMatchObject({
      maxRows: 10,
      maxSections: 10,
      buttonMax: 20,
      rowTitleMax: 24,
      descriptionMax: 72,
      sectionTitleMax: 24,
      textMax: 4096,
    });
    expect(caps.quickReplies).toBeUndefined();
    expect(caps.cards).toBeUndefined();
    expect(caps.media.image).toEqual({ maxBytes: 5 * 1024 * 1024, mimeTypes: ['image/jpeg', 'image/png'] });
    expect(caps.media.sticker?.mimeTypes).toEqual(['image/webp']);
    expect(caps.window).toEqual({ freeFormMs: 86_400_000, templatesOutside: true, openedBy: ['message', 'reaction'] });
    expect(caps.window?.humanAgentMs).toBeUndefined();
    expect(caps.pacing).toEqual({ perAccount: { perSecond: 80 }, perRecipient: { intervalMs: 6000, burst: 45 } });
    expect([
      caps.templates,
      caps.location,
      caps.contacts,
      caps.reactions,
      caps.typing,
      caps.readReceipts,
      caps.replyTo,
    ]).toEqual(Array(7).fill(true));
  });

  it('answers the hub.challenge handshake with the verify token', () => {
    const adapter = whatsapp(options);
    const req = (token: string): WebhookRequest => ({
      method: 'GET',
      url: `https://example.test/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=8841&hub.verify_token=${token}`,
      headers: new Headers(),
      body: new Uint8Array(),
    });
    expect(adapter.handshake(req('verify-me'))).toMatchObject({ status: 200, body: '8841' });
    expect(adapter.handshake(req('wrong'))?.status).toBe(403);
  });

  it('verifies X-Hub-Signature-256 with the app secret', () => {
    const adapter = whatsapp(options);
    const body = new TextEncoder().encode('{"object":"whatsapp_business_account","entry":[]}');
    const sign = (secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
    const req = (sig: string): WebhookRequest => ({
      method: 'POST',
      url: '/',
      headers: new Headers({ 'x-hub-signature-256': sig }),
      body,
    });
    expect(() => adapter.verify(req(sign('app-secret')))).not.toThrow();
    expect(() => adapter.verify(req(sign('other')))).toThrow(
      expect.objectContaining({ code: 'SIGNATURE_INVALID', channel: 'whatsapp' }),
    );
  });
});
