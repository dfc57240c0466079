import { randomBytes } from 'node:crypto';
import { signX } from '@loket/testing/kit';
import { signatureHeaders } from '../channels/sign-webhook.js';
import { bodyParserCheck, type PostAnswer } from './body-parser-check.js';
import type { WebhookCheck, WebhookReport } from './check-webhook.js';

/** Options of {@link checkXWebhook}. */
export interface XWebhookCheckOptions {
  /** The full webhook URL (`…/webhooks/twitter-dm`). */
  url: string;
  /** The secret the gateway answers CRCs with: the OAuth 2.0 client secret when the app has one, else the consumer secret. */
  secret: string;
}

async function get(url: string, init?: RequestInit): Promise<PostAnswer> {
  try {
    const res = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    return { status: res.status, text: await res.text() };
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause;
    return { error: cause?.code ?? (err instanceof Error ? err.message : String(err)) };
  }
}

const withToken = (url: string, token: string) => {
  const u = new URL(url);
  u.searchParams.set('crc_token', token);
  return u.toString();
};

/**
 * Does what X does with a webhook URL (PLATFORM_RULES 4.1): HTTPS without an explicit port, a CRC
 * `GET ?crc_token=` answered within 3 s with `{"response_token":"sha256=<base64 HMAC>"}` (no redirect), an empty
 * token refused, a token that is a JSON body not signed (the endpoint must be no signing oracle), an unsigned POST
 * refused and a signed one acknowledged.
 *
 * @example
 * const report = await checkXWebhook({ url: 'https://example.com/webhooks/twitter-dm', secret });
 */
export async function checkXWebhook(options: XWebhookCheckOptions): Promise<WebhookReport> {
  const { url, secret } = options;
  const checks: WebhookCheck[] = [];
  const add = (name: string, result: WebhookCheck['result'], detail: string) => checks.push({ name, result, detail });
  const u = new URL(url);
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
  if (u.protocol !== 'https:') add('https', local ? 'warn' : 'fail', 'X only calls https:// URLs');
  if (u.port !== '') add('port', local ? 'warn' : 'fail', `X refuses URLs with an explicit port (:${u.port})`);
  const token = randomBytes(24).toString('base64url');
  const started = Date.now();
  const crc = await get(withToken(url, token));
  const took = Date.now() - started;
  if ('error' in crc) {
    add('crc', 'fail', `could not reach ${url} (${crc.error}): is the gateway deployed and the URL public?`);
    return { url, ok: false, checks };
  }
  const expected = JSON.stringify({ response_token: signX(token, secret) });
  let answered: unknown;
  try {
    answered = JSON.parse(crc.text);
  } catch {
    answered = undefined;
  }
  const same = JSON.stringify(answered) === expected;
  if (crc.status === 200 && same) add('crc', 'pass', `200 with the right response_token in ${took} ms`);
  else if (crc.status >= 300 && crc.status < 400)
    add('crc', 'fail', `${crc.status}: X marks a webhook invalid on any redirect`);
  else if (crc.status === 200)
    add(
      'crc',
      'fail',
      'response_token does not match: the gateway answers with another secret (client secret when configured, else consumer secret)',
    );
  else add('crc', 'fail', `${crc.status}: X needs 200 with {"response_token":"sha256=…"}`);
  if (took > 3000) add('crc deadline', 'warn', `took ${took} ms: legacy Account Activity allows 3 s`);

  const empty = await get(withToken(url, ''));
  if (!('error' in empty)) add('empty crc_token', empty.status === 400 ? 'pass' : 'warn', `answered ${empty.status}`);
  const oracle = await get(withToken(url, '{"for_user_id":"1"}'));
  if (!('error' in oracle)) {
    const signed = oracle.status === 200 && oracle.text.includes('sha256=');
    add(
      'signing oracle',
      signed ? 'fail' : 'pass',
      signed ? 'a JSON body as crc_token is signed: anyone can forge webhooks' : `refused with ${oracle.status}`,
    );
  }
  const body = new TextEncoder().encode(JSON.stringify({ for_user_id: '0', direct_message_events: [] }));
  const unsigned = await get(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const parserFirst = bodyParserCheck(unsigned);
  if (parserFirst) {
    checks.push(parserFirst);
    return { url, ok: false, checks }; // the signed POST would be refused the same way
  }
  if (!('error' in unsigned)) {
    const refused = unsigned.status === 401 || unsigned.status === 403;
    add(
      'unsigned POST',
      refused ? 'pass' : 'fail',
      refused ? `refused with ${unsigned.status}` : `answered ${unsigned.status}: must be 401`,
    );
  }
  // Both headers keyed with the CRC secret: a gateway with a client secret judges the -OAuth2 one, one without
  // it the legacy one (then the CRC secret is the consumer secret).
  const headers = {
    'content-type': 'application/json',
    ...signatureHeaders('x', body, secret),
    'x-twitter-webhooks-signature-oauth2': signX(body, secret),
  };
  const signed = await get(url, { method: 'POST', headers, body });
  if (!('error' in signed)) {
    const ok = signed.status >= 200 && signed.status < 300;
    add(
      'signed POST',
      ok ? 'pass' : 'fail',
      ok ? `acknowledged with ${signed.status}` : `answered ${signed.status}: is --secret the consumer secret?`,
    );
  }
  return { url, ok: checks.every((c) => c.result !== 'fail'), checks };
}
