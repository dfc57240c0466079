import { createGateway, type Gateway, memoryStore } from '@loket/core';
import { signMeta, whatsappTextWebhook } from '@loket/testing/kit';
import { whatsapp } from '@loket/whatsapp';
import { afterEach, describe, expect, it, vi } from 'vitest';

const APP_SECRET = 'parser-first-app-secret';
const NOTICE = 'a body parser read the request body before Loket';

/** An app the test started in-process on a free port. */
export interface ServedApp {
  /** e.g. `http://127.0.0.1:41234`; Loket's routes are `/webhooks/<channel>`. */
  origin: string;
  close(): Promise<void>;
}

/** A WhatsApp gateway that does not log (`logger: false`) and is not started: a 200 leaves the webhook pending. */
export function quietGateway(): Gateway {
  return createGateway({
    channels: [
      whatsapp({ appSecret: APP_SECRET, verifyToken: 'vt', accessToken: 'token', apiBaseUrl: 'http://127.0.0.1:9' }),
    ],
    store: memoryStore(),
    logger: false,
  });
}

/** POSTs a WhatsApp text webhook signed as Meta signs it (with the app secret of {@link quietGateway}). */
export function postSignedWhatsApp(origin: string, id = 'wamid.parser-first'): Promise<Response> {
  const body = whatsappTextWebhook({ phoneNumberId: '106540352242922', waId: '31612345678', text: 'hi', id });
  return fetch(`${origin}/webhooks/whatsapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMeta(body, APP_SECRET) },
    body,
  });
}

/** A framework app that lets its body parser run before Loket. */
export interface ParserFirstCase {
  /** The test's name. */
  title: string;
  /** The `framework` the answer names: `express`, `node` (not recognised: the message names Fastify) or `fetch`. */
  framework: 'express' | 'node' | 'fetch';
  /** Text the message must contain: the fix for this framework. */
  fix: string;
  /** Starts the misconfigured app around `gateway`. */
  serve(gateway: Gateway): Promise<ServedApp>;
}

/**
 * The test of a body parser that ran first: every signed webhook is answered 500 `CONFIG` with the reason, the
 * framework and the fix in the body (not a bare "internal error"), nothing is stored, and the notice reaches stderr
 * exactly once although the gateway's logger is off.
 */
export function describeParserFirst(c: ParserFirstCase): void {
  let gateway: Gateway | undefined;
  let app: ServedApp | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    await app?.close();
    await gateway?.close();
  });

  describe('a body parser that ran before Loket', () => {
    it(c.title, async () => {
      const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      gateway = quietGateway();
      app = await c.serve(gateway);
      for (const id of ['wamid.first', 'wamid.second']) {
        const res = await postSignedWhatsApp(app.origin, id);
        expect(res.status).toBe(500);
        const answer = (await res.json()) as Record<string, string>;
        expect(answer).toMatchObject({ error: 'CONFIG', reason: 'body-already-read', framework: c.framework });
        expect(answer.message).toContain(NOTICE);
        expect(answer.message).toContain(c.fix);
      }
      const notices = stderr.mock.calls.map(([chunk]) => String(chunk)).filter((text) => text.includes(NOTICE));
      expect(notices).toHaveLength(1);
      expect(notices[0]).toContain(c.fix);
      expect(await gateway.store.inbox.stats()).toEqual({ pending: 0, leased: 0, dead: 0 });
    });
  });
}
