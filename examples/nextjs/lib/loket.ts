// One gateway per server process, made on first use: `next build` evaluates route modules without the runtime
// environment, and development reloads modules, so the gateway is created lazily and kept on globalThis.
import { createGateway, type Gateway } from '@loket/core';
import { whatsapp } from '@loket/whatsapp';

function build(): Gateway {
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
  void gateway.start();
  return gateway;
}

const holder = globalThis as typeof globalThis & { loketGateway?: Gateway };

/** The process's gateway; its inbox worker starts with it. */
export function getGateway(): Gateway {
  holder.loketGateway ??= build();
  return holder.loketGateway;
}
