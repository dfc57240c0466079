import { signMeta } from '@loket/testing';

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
    const json = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
                contacts: [{ profile: { name: `Customer ${i % users}` }, wa_id: wa }],
                messages: [
                  {
                    from: wa,
                    id: `wamid.bench${i.toString(36).padStart(8, '0')}`,
                    timestamp: String(now + i),
                    type: 'text',
                    text: { body: `Hello, this is message ${i}: where is my order?` },
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    const body = Buffer.from(json);
    out.push({ body, signature: signMeta(body, APP_SECRET) });
  }
  return out;
}
