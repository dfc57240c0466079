import type { WebhookRequest } from '@loket/core';
import { describe, expect, it } from 'vitest';
import { metaHandshake } from './meta-handshake.js';

function get(query: string, method = 'GET'): WebhookRequest {
  return {
    method,
    url: `https://example.test/webhooks/whatsapp${query}`,
    headers: new Headers(),
    body: new Uint8Array(),
  };
}

describe('metaHandshake', () => {
  it('echoes the raw challenge as text when the token matches', () => {
    const reply = metaHandshake(get('?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=s3cret'), 's3cret');
    expect(reply).toEqual({
      status: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: '1158201444',
    });
  });

  it('keeps a non-numeric challenge exactly as sent (no JSON, no quotes)', () => {
    const reply = metaHandshake(
      get('?hub.mode=subscribe&hub.challenge=abc%20def%2B1&hub.verify_token=s3cret'),
      's3cret',
    );
    expect(reply?.body).toBe('abc def+1');
  });

  it('works with a path-only URL', () => {
    const req = { ...get(''), url: '/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=42&hub.verify_token=t' };
    expect(metaHandshake(req, 't')?.status).toBe(200);
  });

  it('answers 403 to a wrong token', () => {
    const reply = metaHandshake(get('?hub.mode=subscribe&hub.challenge=42&hub.verify_token=nope'), 's3cret');
    expect(reply?.status).toBe(403);
    expect(reply?.body).not.toContain('s3cret');
  });

  it('answers 403 to a missing token or another mode', () => {
    expect(metaHandshake(get('?hub.mode=subscribe&hub.challenge=42'), 's3cret')?.status).toBe(403);
    expect(metaHandshake(get('?hub.mode=unsubscribe&hub.challenge=42&hub.verify_token=s3cret'), 's3cret')?.status).toBe(
      403,
    );
  });

  it('answers 400 when the challenge is missing', () => {
    expect(metaHandshake(get('?hub.mode=subscribe&hub.verify_token=s3cret'), 's3cret')?.status).toBe(400);
  });

  it('is not a handshake without hub.* parameters, or on POST', () => {
    expect(metaHandshake(get(''), 's3cret')).toBeUndefined();
    expect(metaHandshake(get('?foo=bar'), 's3cret')).toBeUndefined();
    expect(
      metaHandshake(get('?hub.mode=subscribe&hub.challenge=1&hub.verify_token=s3cret', 'POST'), 's3cret'),
    ).toBeUndefined();
  });
});
