import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { signWebchatToken } from '../index.js';
import { startWebchat, TEST_SECRET, type TestGateway } from './test-gateway.js';

let t: TestGateway | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const agentSend = (gw: TestGateway, user: string, text: string) =>
  gw.gateway.send({ to: { channel: 'webchat', account: 'default', user }, content: { type: 'text', text } });

describe('web chat identity', () => {
  it('mints an opaque anonymous credential of at least 128 bits and stores only its hash', async () => {
    t = await startWebchat();
    const { body, status } = await t.client().session();
    expect(status).toBe(200);
    expect(body.verified).toBe(false);
    const secretPart = body.credential.replace(/^wc1_/, '');
    expect(Buffer.from(secretPart, 'base64url').byteLength * 8).toBeGreaterThanOrEqual(128);
    const kv = t.store.kv;
    // Only a hash is a key: the raw credential reads nothing, and no stored value contains it.
    const hash = createHash('sha256').update(body.credential).digest('base64url');
    const stored = await kv?.get(`webchat:credential:${hash}`);
    expect(stored).toContain(body.contactId);
    expect(stored).not.toContain(body.credential);
    expect(await kv?.get(`webchat:credential:${body.credential}`)).toBeUndefined();
    const again = await t.client({ credential: body.credential }).request('POST', 'session', {});
    expect(again.body).toMatchObject({ credential: body.credential, contactId: body.contactId });
  });

  it('401 unauthorized for an unknown credential and for a token used as the bearer of a write', async () => {
    t = await startWebchat();
    const stranger = t.client({ credential: `wc1_${'A'.repeat(43)}` });
    expect(await stranger.send('hi')).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    const token = await signWebchatToken({ sub: 'cust-1' }, { secret: TEST_SECRET });
    const withToken = t.client({ credential: token });
    expect(await withToken.send('hi')).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    expect(await t.client().send('hi')).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
  });

  it('a verified customer gets the same conversation on every device; an agent reply reaches both', async () => {
    t = await startWebchat();
    const phone = t.client({ token: await signWebchatToken({ sub: 'cust-42', name: 'Ada' }, { secret: TEST_SECRET }) });
    const laptop = t.client({ token: await signWebchatToken({ sub: 'cust-42' }, { secret: TEST_SECRET }) });
    const a = (await phone.session()).body;
    const b = (await laptop.session()).body;
    expect(a.verified).toBe(true);
    expect(a.conversation).toEqual(b.conversation);
    expect(a.credential).not.toBe(b.credential);
    const s1 = await phone.stream();
    const s2 = await laptop.stream({ transport: 'sse' });
    await s1.frames.next((f) => f.t === 'ready');
    await s2.frames.next((f) => f.t === 'ready');
    await agentSend(t, a.contactId, 'hello from support');
    for (const s of [s1, s2]) {
      const frame = await s.frames.next((f) => f.t === 'event');
      expect(frame.e?.data).toMatchObject({ author: { kind: 'agent' }, content: { text: 'hello from support' } });
    }
    await s1.close();
    await s2.close();
  });

  it('an expired token answers 401 token_expired; a bad signature or a token living over an hour, unauthorized', async () => {
    t = await startWebchat();
    const key = new TextEncoder().encode(TEST_SECRET);
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('c')
      .setIssuedAt(now - 7200)
      .setExpirationTime(now - 3600)
      .sign(key);
    const tooLong = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('c')
      .setIssuedAt()
      .setExpirationTime(now + 6 * 3600)
      .sign(key);
    const forged = await signWebchatToken({ sub: 'c' }, { secret: 'not-the-identity-secret-at-all' });
    const noExp = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('c').sign(key);
    expect(await t.client({ token: expired }).session()).toMatchObject({
      status: 401,
      body: { error: 'token_expired' },
    });
    for (const token of [tooLong, forged, noExp]) {
      expect(await t.client({ token }).session()).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    }
  });

  it('rotates keys: tokens of both keys pass, the kid picks the key, an unknown kid fails', async () => {
    const next = 'next-identity-secret-0123456789';
    t = await startWebchat({ webchat: { keys: [{ kid: 'k2', secret: next }] } });
    const old = await signWebchatToken({ sub: 'a' }, { secret: TEST_SECRET });
    const fresh = await signWebchatToken({ sub: 'a' }, { secret: next, kid: 'k2' });
    const wrongKid = await signWebchatToken({ sub: 'a' }, { secret: TEST_SECRET, kid: 'k2' });
    expect((await t.client({ token: old }).session()).status).toBe(200);
    expect((await t.client({ token: fresh }).session()).status).toBe(200);
    expect((await t.client({ token: wrongKid }).session()).status).toBe(401);
  });

  it('logging in merges the anonymous conversation: history moves, one event says so, the old credential is revoked', async () => {
    t = await startWebchat();
    const visitor = t.client();
    const anon = (await visitor.session()).body;
    await visitor.send('first', { clientMessageId: 'c1' });
    await visitor.send('second', { clientMessageId: 'c2' });
    const loggedIn = t.client({
      credential: anon.credential,
      token: await signWebchatToken({ sub: 'cust-7' }, { secret: TEST_SECRET }),
    });
    const verified = (await loggedIn.session()).body;
    expect(verified.verified).toBe(true);
    expect(verified.conversation.user).not.toBe(anon.contactId);
    const { events } = (await loggedIn.events()).body;
    const texts = events.filter((e) => e.kind === 'message').map((e) => (e.data.content as { text: string }).text);
    expect(texts).toEqual(['first', 'second']);
    expect(events.filter((e) => e.kind === 'conversation')).toHaveLength(1);
    expect(events.at(-1)?.data).toEqual({ merged: { from: anon.contactId, messages: 2 } });
    // A retry of an already merged message is the canonical one, not a copy.
    expect((await loggedIn.send('first', { clientMessageId: 'c1' })).status).toBe(200);
    expect((await visitor.send('after login')).status).toBe(401);
  });

  it('requireVerified: anonymous visitors cannot send, verified customers can', async () => {
    t = await startWebchat({ webchat: { requireVerified: true } });
    const visitor = t.client();
    await visitor.session();
    expect(await visitor.send('hi')).toMatchObject({ status: 403, body: { error: 'verification_required' } });
    const customer = t.client({ token: await signWebchatToken({ sub: 'c' }, { secret: TEST_SECRET }) });
    await customer.session();
    expect((await customer.send('hi')).status).toBe(201);
  });

  it('a revoked credential gets 401', async () => {
    t = await startWebchat();
    const client = t.client();
    const { credential } = (await client.session()).body;
    await t.adapter.revoke(credential);
    expect(await client.send('hi')).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
  });

  it('limits new sessions per IP: 429 with Retry-After past sessionsPerMinute', async () => {
    t = await startWebchat({ webchat: { limits: { sessionsPerMinute: 3 } } });
    const statuses: number[] = [];
    let last: Headers | undefined;
    for (let i = 0; i < 4; i++) {
      const answer = await t.client().session();
      statuses.push(answer.status);
      last = answer.headers;
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(last?.get('retry-after'))).toBeGreaterThan(0);
  });
});
