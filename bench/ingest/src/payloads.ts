import { signMeta, whatsappTextWebhook } from '@loket/testing/kit';

/** The app secret both servers verify with. */
export const APP_SECRET = 'bench-app-secret';

/** One signed WhatsApp text webhook: the raw bytes and their signature header. */
export interface SignedBody {
  body: Buffer;
  signature: string;
}

/** Builds `count` distinct WhatsApp text webhooks from `users` customers, signed as Meta signs them. */
export function signedBodies(count: number, users = 64): SignedBody[] {
  const out: SignedBody[] = [];
  const now = Math.floor(Date.now() / 1000);
  for (let i = 0; i < count; i++) {
    const wa = `3161234${String(i % users).padStart(4, '0')}`;
    const json = whatsappTextWebhook({
      phoneNumberId: '106540352242922',
      waId: wa,
      name: `Customer ${i % users}`,
      text: `Hello, this is message ${i}: where is my order?`,
      id: `wamid.bench${i.toString(36).padStart(8, '0')}`,
      at: (now + i) * 1000,
    });
    const body = Buffer.from(json);
    out.push({ body, signature: signMeta(body, APP_SECRET) });
  }
  return out;
}
