import type { IncomingMessage, ServerResponse } from 'node:http';
import { APP_SECRET } from '@loket/bench-kit';
import { createGateway, type Store } from '@loket/core';
import { whatsapp } from '@loket/whatsapp';

/** Loket's gateway with the WhatsApp adapter and default worker settings; every handler takes `handlerMs`. */
export async function gatewayHandler(options: { handlerMs: number; store: Store }) {
  const gateway = createGateway({
    channels: [whatsapp({ appSecret: APP_SECRET, verifyToken: 'bench', accessToken: 'bench-token' })],
    store: options.store,
  });
  gateway.on('message', async () => {
    await new Promise((r) => setTimeout(r, options.handlerMs));
  });
  await gateway.start();
  return (req: IncomingMessage, res: ServerResponse) => gateway.node(req, res);
}
