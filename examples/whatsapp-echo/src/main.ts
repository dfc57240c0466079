// One adapter in a plain node:http server. Set the env vars below, point Meta's webhook at /webhooks/whatsapp.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGateway } from '@loket/core';
import { whatsapp } from '@loket/whatsapp';

const gateway = createGateway({
  channels: [
    whatsapp({
      appSecret: process.env.WHATSAPP_APP_SECRET ?? '',
      verifyToken: process.env.WHATSAPP_VERIFY_TOKEN ?? '',
      accessToken: process.env.WHATSAPP_ACCESS_TOKEN ?? '',
      apiBaseUrl: process.env.WHATSAPP_API_BASE_URL, // unset: graph.facebook.com
    }),
  ],
});

gateway.on('message', async (event, ctx) => {
  if (event.content.type === 'text') await ctx.reply({ type: 'text', text: `You said: ${event.content.text}` });
});

await gateway.start();
const server = createServer(gateway.node).listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/whatsapp`);
});
process.on('SIGTERM', () => {
  server.close();
  void gateway.close().then(() => process.exit(0));
});
