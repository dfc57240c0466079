// Loket in a Fastify 5 app. Fastify parses JSON before any handler runs, so Loket's routes live in a plugin of
// their own that reads bodies as bytes (see loket-plugin.ts); the rest of the app parses JSON as usual.
import { createGateway } from '@loket/core';
import { whatsapp } from '@loket/whatsapp';
import Fastify from 'fastify';
import { loketRoutes } from './loket-plugin.js';

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

const app = Fastify();
await app.register(loketRoutes(gateway));
app.post('/api/echo', async (request) => ({ received: request.body }));

await gateway.start();
const address = await app.listen({ port: Number(process.env.PORT ?? 3000), host: '127.0.0.1' });
console.log(`listening on ${address}`);
process.on('SIGTERM', () => {
  void Promise.all([app.close(), gateway.close()]).then(() => process.exit(0));
});
