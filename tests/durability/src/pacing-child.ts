// A gateway process that sends `count` WhatsApp texts (distinct recipients, windows open) through gateway.send,
// paced by the limits it shares with every other gateway on the same Redis. Prints `DONE <n>` when all are sent.
import { createGateway } from '@loket/core';
import { redisStore } from '@loket/store-redis';
import { whatsapp } from '@loket/whatsapp';
import { APP_SECRET, PHONE_NUMBER_ID } from './webhooks.js';

interface PacingChildConfig {
  url: string;
  keyPrefix: string;
  apiBaseUrl: string;
  tag: string;
  count: number;
}

const config = JSON.parse(process.argv[2] ?? '{}') as PacingChildConfig;
const store = redisStore({ url: config.url, keyPrefix: config.keyPrefix });
const adapter = whatsapp({
  appSecret: APP_SECRET,
  verifyToken: 'pacing-verify',
  accessToken: 'pacing-access-token',
  apiBaseUrl: config.apiBaseUrl,
});
const gateway = createGateway({ channels: [adapter], store });
const refs = Array.from({ length: config.count }, (_, i) => ({
  channel: 'whatsapp' as const,
  account: PHONE_NUMBER_ID,
  user: `31600${config.tag}${String(i).padStart(4, '0')}`,
}));
// The customers wrote first: the window is open, so plain texts may go.
for (const ref of refs) await store.conversations.recordInbound(ref, Date.now());
process.stdout.write('READY\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
await Promise.all(refs.map((to) => gateway.send({ to, content: { type: 'text', text: 'paced' } })));
process.stdout.write(`DONE ${refs.length}\n`);
await gateway.close();
await store.close();
process.exit(0);
