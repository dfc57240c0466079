import { signMeta, whatsappTextWebhook } from '@loket/testing';

/** The app secret the test gateways verify with. */
export const APP_SECRET = 'durability-app-secret';
/** The WhatsApp business number the webhooks are addressed to. */
export const PHONE_NUMBER_ID = '106540352242922';

/** One signed WhatsApp text webhook and the wamid it carries (the handled event's id). */
export interface SignedWebhook {
  wamid: string;
  body: Buffer;
  signature: string;
}

/** `count` WhatsApp text webhooks from `users` customers, each with its own wamid, signed as Meta signs them. */
export function signedWebhooks(count: number, options: { users?: number; tag?: string } = {}): SignedWebhook[] {
  const users = options.users ?? 32;
  const tag = options.tag ?? Math.random().toString(36).slice(2, 8);
  const at = Math.floor(Date.now() / 1000);
  return Array.from({ length: count }, (_, i) => {
    const wa = `3161234${String(i % users).padStart(4, '0')}`;
    const wamid = `wamid.${tag}${String(i).padStart(7, '0')}`;
    const body = Buffer.from(
      whatsappTextWebhook({
        phoneNumberId: PHONE_NUMBER_ID,
        waId: wa,
        name: `Customer ${i % users}`,
        text: `n${i}`,
        id: wamid,
        at: at * 1000,
      }),
    );
    return { wamid, body, signature: signMeta(body, APP_SECRET) };
  });
}

/**
 * Posts each webhook to `url` (`<gateway>/webhooks/whatsapp`) with `parallel` requests in flight; answers the
 * wamids the gateway acknowledged with 200. A refused or failed request is not acknowledged (the platform would retry).
 */
export async function postAll(url: string, webhooks: SignedWebhook[], parallel = 16): Promise<string[]> {
  const acked: string[] = [];
  let next = 0;
  const lane = async () => {
    while (next < webhooks.length) {
      const hook = webhooks[next++]!;
      const ok = await post(url, hook);
      if (ok) acked.push(hook.wamid);
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  return acked;
}

/** Posts one webhook; true when the gateway answered 200. */
export async function post(url: string, hook: SignedWebhook): Promise<boolean> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': hook.signature },
      body: new Uint8Array(hook.body),
    });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    // A gateway killed mid-request answers nothing: the webhook counts as not acknowledged.
    return false;
  }
}
