// Prelude `gateway`: a started gateway on the memory store with the WhatsApp, Messenger and Instagram adapters
// pointed at the @loket/testing emulator, which fires its signed webhooks at it. Exports `gateway`, `emulator`.
import { createServer as gatewayPreludeServer } from 'node:http';
import type { AddressInfo as GatewayPreludeAddress } from 'node:net';
import * as gatewayPreludeCore from '@loket/core';
import { instagram as gatewayPreludeInstagram } from '@loket/instagram';
import { messenger as gatewayPreludeMessenger } from '@loket/messenger';
import { createEmulator as gatewayPreludeEmulator } from '@loket/testing/kit';
import { whatsapp as gatewayPreludeWhatsapp } from '@loket/whatsapp';

const gatewayPreludeSecrets = {
  appSecret: 'readme-app-secret',
  verifyToken: 'readme-verify',
  accessToken: 'readme-token',
};
export const emulator = await gatewayPreludeEmulator({
  appSecret: gatewayPreludeSecrets.appSecret,
  autoStatuses: true,
});
const gatewayPreludeOptions = {
  ...gatewayPreludeSecrets,
  apiBaseUrl: emulator.url,
  transport: { sleep: async () => {} },
};
export const gateway = gatewayPreludeCore.createGateway({
  channels: [
    gatewayPreludeWhatsapp(gatewayPreludeOptions),
    gatewayPreludeMessenger(gatewayPreludeOptions),
    gatewayPreludeInstagram(gatewayPreludeOptions),
  ],
  store: gatewayPreludeCore.memoryStore(),
  worker: { pollMs: 10 },
  outbox: { pollMs: 10 },
});
const gatewayPreludeListener = gatewayPreludeServer(gateway.node).listen(0, '127.0.0.1');
await new Promise((resolve) => gatewayPreludeListener.once('listening', resolve));
emulator.gatewayUrl = `http://127.0.0.1:${(gatewayPreludeListener.address() as GatewayPreludeAddress).port}`;
await gateway.start();

/** Resolves once the gateway has recorded a message from the conversation (its window is then open). */
export async function customerWrote(ref: gatewayPreludeCore.ConversationRef): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if ((await gateway.history(ref)).some((entry) => entry.kind === 'message')) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`[readme prelude] no message from ${ref.channel}:${ref.user} reached the gateway`);
}
