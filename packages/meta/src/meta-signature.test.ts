import { createHmac } from 'node:crypto';
import type { LoketError, WebhookRequest } from '@loket/core';
import { describe, expect, it } from 'vitest';
import { verifyMetaSignature } from './meta-signature.js';

const secret = 'app-secret-123';
// Meta escapes non-ASCII as \uXXXX before signing: these are the bytes on the wire.
const body = new TextEncoder().encode('{"text":"Gr\\u00fc\\u00dfe \\ud83d\\udc4b"}');

function request(headers: Record<string, string>, bytes: Uint8Array = body): WebhookRequest {
  return { method: 'POST', url: 'https://example.test/webhooks/whatsapp', headers: new Headers(headers), body: bytes };
}

function sign(bytes: Uint8Array, key = secret): string {
  return `sha256=${createHmac('sha256', key).update(bytes).digest('hex')}`;
}

function failure(req: WebhookRequest): LoketError {
  try {
    verifyMetaSignature(req, secret, 'whatsapp');
  } catch (err) {
    return err as LoketError;
  }
  throw new Error('expected verifyMetaSignature to throw');
}

describe('verifyMetaSignature', () => {
  it('accepts the HMAC-SHA256 of the raw bytes', () => {
    expect(() => verifyMetaSignature(request({ 'X-Hub-Signature-256': sign(body) }), secret, 'whatsapp')).not.toThrow();
  });

  it('refuses upper-case hex: Meta sends lowercase, and anything else is not its signature', () => {
    const header = `sha256=${sign(body).slice(7).toUpperCase()}`;
    expect(failure(request({ 'x-hub-signature-256': header })).code).toBe('SIGNATURE_INVALID');
  });

  it('tolerates SP and HTAB around the value, but no other space (a trailing U+00A0 is refused)', () => {
    const good = sign(body);
    expect(() =>
      verifyMetaSignature(request({ 'x-hub-signature-256': `${good} \t` }), secret, 'whatsapp'),
    ).not.toThrow();
    for (const padded of [`${good}\u00a0`, `\u00a0${good}`]) {
      expect(failure(request({ 'x-hub-signature-256': padded })).code).toBe('SIGNATURE_INVALID');
    }
  });

  it('refuses a tampered body', () => {
    const tampered = new TextEncoder().encode('{"text":"Gr\\u00fc\\u00dfe \\ud83d\\udc4c"}');
    const err = failure(request({ 'x-hub-signature-256': sign(body) }, tampered));
    expect(err.code).toBe('SIGNATURE_INVALID');
    expect(err.retryable).toBe(false);
    expect(err.channel).toBe('whatsapp');
    expect(err.message).toMatch(/^\[loket\] \[whatsapp\] X-Hub-Signature-256 does not match/);
  });

  it('refuses a body that was parsed and re-serialized (unicode no longer escaped)', () => {
    const reserialized = new TextEncoder().encode(JSON.stringify(JSON.parse(new TextDecoder().decode(body))));
    expect(failure(request({ 'x-hub-signature-256': sign(body) }, reserialized)).code).toBe('SIGNATURE_INVALID');
  });

  it('refuses a signature made with another secret', () => {
    expect(failure(request({ 'x-hub-signature-256': sign(body, 'other') })).message).toMatch(/does not match/);
  });

  it('says the header is missing', () => {
    expect(failure(request({})).message).toMatch(/X-Hub-Signature-256 header is missing/);
  });

  it('says when only the legacy SHA-1 header came', () => {
    const sha1 = `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`;
    expect(failure(request({ 'x-hub-signature': sha1 })).message).toMatch(/legacy SHA-1/);
  });

  it.each([
    ['no prefix', sign(body).slice(7)],
    ['base64 digest', `sha256=${createHmac('sha256', secret).update(body).digest('base64')}`],
    ['sha1 prefix', `sha1=${sign(body).slice(7)}`],
    ['truncated', sign(body).slice(0, 40)],
    ['empty', ''],
  ])('says a malformed header (%s) is malformed', (_name, header) => {
    const err = failure(request({ 'x-hub-signature-256': header }));
    expect(err.code).toBe('SIGNATURE_INVALID');
    expect(err.message).toMatch(/malformed|missing/);
  });

  it('never puts the secret, the expected MAC or the received MAC in the message', () => {
    const expected = sign(body).slice(7);
    for (const header of [sign(body, 'other'), `x${expected}`]) {
      const err = failure(request({ 'x-hub-signature-256': header }));
      expect(err.message).not.toContain(secret);
      expect(err.message).not.toContain(expected);
      expect(err.message).not.toContain(header.slice(7, 40));
      expect(JSON.stringify(err.toJSON())).not.toContain(expected);
    }
  });
});
