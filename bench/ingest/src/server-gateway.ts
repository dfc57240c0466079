import type { IncomingMessage, ServerResponse } from 'node:http';
import { createGateway, memoryStore, type Store } from '@loket/core';
import { whatsapp } from '@loket/whatsapp';
import { APP_SECRET } from './payloads.js';

/** Loket's gateway with the WhatsApp adapter; every handler takes `handlerMs` (1 s: a slow CRM call). */
export async function gatewayHandler(options: { handlerMs: number; store?: Store }) {
  const gateway = createGateway({
    channels: [whatsapp({ appSecret: APP_SECRET, verifyToken: 'bench', accessToken: 'bench-token' })],
    store: options.store ?? memoryStore(),
  });
  let handled = 0;
  gateway.on('message', async () => {
    await new Promise((r) => setTimeout(r, options.handlerMs));
    handled++;
  });
  await gateway.start();
  const handler = (req: IncomingMessage, res: ServerResponse) => gateway.node(req, res);
  return { handler, handled: () => handled, close: () => gateway.close() };
}
