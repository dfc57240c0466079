import { randomInt } from 'node:crypto';
import { knownChannel } from '../channels/known-channels.js';
import { signatureHeaders } from '../channels/sign-webhook.js';
import { bodyParserCheck, type PostAnswer } from './body-parser-check.js';

/** One thing a platform would notice. */
export interface WebhookCheck {
  name: string;
  result: 'pass' | 'fail' | 'warn';
  detail: string;
}

/** Input of {@link checkWebhook}. */
export interface WebhookCheckOptions {
  /** The webhook URL, or the gateway's base URL (then `/webhooks/<channel>` is added). */
  url: string;
  channel: string;
  verifyToken: string;
  /** When given, a signed (empty) webhook is POSTed and must be acknowledged. */
  secret?: string;
}

/** The checks and whether a platform would accept the endpoint. */
export interface WebhookReport {
  url: string;
  ok: boolean;
  checks: WebhookCheck[];
}

const EMPTY_BODIES: Record<string, object> = {
  whatsapp: { object: 'whatsapp_business_account', entry: [] },
  messenger: { object: 'page', entry: [] },
  instagram: { object: 'instagram', entry: [] },
};

async function call(url: string, init?: RequestInit): Promise<PostAnswer> {
  try {
    const res = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    return { status: res.status, text: await res.text() };
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return { error: cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err)) };
  }
}

function handshakeUrl(url: string, token: string, challenge: string): string {
  const u = new URL(url);
  u.searchParams.set('hub.mode', 'subscribe');
  u.searchParams.set('hub.verify_token', token);
  u.searchParams.set('hub.challenge', challenge);
  return u.toString();
}

/** The full webhook URL: a bare base URL gets `/webhooks/<channel>`. */
export function webhookUrl(url: string, channel: string): string {
  const u = new URL(url);
  if (u.pathname === '/' || u.pathname === '') u.pathname = `/webhooks/${channel}`;
  return u.toString();
}

/**
 * Does what Meta does when a callback URL is saved (PLATFORM_RULES §1.1: GET with hub.mode, hub.verify_token,
 * hub.challenge; only a 200 with the bare challenge passes), then checks that a wrong token and an unsigned POST
 * are refused and, with a secret, that a signed POST is acknowledged.
 *
 * @example
 * const report = await checkWebhook({ url: 'https://example.com', channel: 'whatsapp', verifyToken: 'vt' });
 */
export async function checkWebhook(options: WebhookCheckOptions): Promise<WebhookReport> {
  const url = webhookUrl(options.url, options.channel);
  const checks: WebhookCheck[] = [];
  const add = (name: string, result: WebhookCheck['result'], detail: string): void => {
    checks.push({ name, result, detail });
  };
  const u = new URL(url);
  if (u.protocol !== 'https:') {
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
    add(
      'https',
      local ? 'warn' : 'fail',
      `Meta only calls https:// URLs with a CA-signed certificate${local ? ' (fine for a local check; use a tunnel for the platform)' : ''}`,
    );
  }
  const challenge = String(randomInt(1_000_000_000, 2_000_000_000));
  const hs = await call(handshakeUrl(url, options.verifyToken, challenge));
  if ('error' in hs) {
    add('handshake', 'fail', `could not reach ${url} (${hs.error}): is the gateway deployed and the URL public?`);
    return { url, ok: false, checks };
  }
  if (hs.status === 200 && hs.text === challenge)
    add('handshake', 'pass', `200 with exactly the challenge ${challenge}`);
  else if (hs.status === 200)
    add(
      'handshake',
      'fail',
      `200, but the body must be exactly the challenge "${challenge}" (no JSON, no quotes); got "${hs.text.slice(0, 60)}"`,
    );
  else if (hs.status === 403 || hs.status === 401)
    add('handshake', 'fail', `${hs.status}: the gateway's verifyToken is not the one given (--verify-token)`);
  else if (hs.status === 404)
    add(
      'handshake',
      'fail',
      `404: no webhook route there; the path is /webhooks/${options.channel} (plus any basePath)`,
    );
  else add('handshake', 'fail', `${hs.status}: the platform needs 200 with the challenge`);

  const wrong = await call(handshakeUrl(url, `${options.verifyToken}-wrong`, challenge));
  if (!('error' in wrong)) {
    add(
      'wrong token',
      wrong.status === 200 ? 'fail' : 'pass',
      wrong.status === 200
        ? 'a wrong verify token is accepted: anyone can subscribe this URL'
        : `refused with ${wrong.status}`,
    );
  }
  const body = JSON.stringify(EMPTY_BODIES[options.channel] ?? {});
  const unsigned = await call(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  // A body parser in front of the gateway fails every POST the same way: say that once, and blame no secret.
  const parserFirst = bodyParserCheck(unsigned);
  if (parserFirst) checks.push(parserFirst);
  else if (!('error' in unsigned)) {
    const refused = unsigned.status === 401 || unsigned.status === 403;
    add(
      'unsigned POST',
      refused ? 'pass' : 'fail',
      refused
        ? `refused with ${unsigned.status}`
        : `answered ${unsigned.status}: an unsigned webhook must get 401 (forged messages would be accepted)`,
    );
  }
  const known = knownChannel(options.channel);
  if (options.secret && known && !parserFirst) {
    const bytes = new TextEncoder().encode(body);
    const headers = { 'content-type': 'application/json', ...signatureHeaders(known.signature, bytes, options.secret) };
    const signed = await call(url, { method: 'POST', headers, body: bytes });
    const signedParserFirst = bodyParserCheck(signed);
    if (signedParserFirst) checks.push(signedParserFirst);
    else if (!('error' in signed)) {
      const ok = signed.status >= 200 && signed.status < 300;
      add(
        'signed POST',
        ok ? 'pass' : 'fail',
        ok
          ? `acknowledged with ${signed.status}`
          : `answered ${signed.status}: the gateway verifies with another app secret (or refuses the body)`,
      );
    }
  }
  return { url, ok: checks.every((c) => c.result !== 'fail'), checks };
}
