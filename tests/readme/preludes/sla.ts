// Prelude `sla`: `history` (a customer's question and an agent's answer, recorded by a gateway on the emulator),
// the report's `from` / `to` (ms), `startOfWeek`, and `alert`.
import { createServer as slaPreludeServer } from 'node:http';
import type { AddressInfo as SlaPreludeAddress } from 'node:net';
import { createGateway as slaPreludeGateway, memoryStore as slaPreludeStore } from '@loket/core';
import { createEmulator as slaPreludeEmulator } from '@loket/testing/kit';
import { whatsapp as slaPreludeWhatsapp } from '@loket/whatsapp';

const slaPreludeApi = await slaPreludeEmulator({ appSecret: 'readme-app-secret' });
const slaPreludeRecorder = slaPreludeGateway({
  channels: [
    slaPreludeWhatsapp({
      appSecret: 'readme-app-secret',
      verifyToken: 'v',
      accessToken: 't',
      apiBaseUrl: slaPreludeApi.url,
    }),
  ],
  store: slaPreludeStore(),
  worker: { pollMs: 10 },
});
const slaPreludeListener = slaPreludeServer(slaPreludeRecorder.node).listen(0, '127.0.0.1');
await new Promise((resolve) => slaPreludeListener.once('listening', resolve));
slaPreludeApi.gatewayUrl = `http://127.0.0.1:${(slaPreludeListener.address() as SlaPreludeAddress).port}`;
await slaPreludeRecorder.start();
const slaPreludeRef = { channel: 'whatsapp', account: '106540352242922', user: '31687654321' } as const;
await slaPreludeApi.customer({ phoneNumberId: slaPreludeRef.account, waId: slaPreludeRef.user }).say('Anyone there?');
while (!(await slaPreludeRecorder.history(slaPreludeRef)).length) await new Promise((r) => setTimeout(r, 10));
const slaPreludeAgent = { author: { kind: 'agent', id: 'sam' } } as const;
await slaPreludeRecorder.send({ to: slaPreludeRef, content: { type: 'text', text: 'Sam here.' } }, slaPreludeAgent);
export const history = await slaPreludeRecorder.history(slaPreludeRef);
await slaPreludeRecorder.close();
slaPreludeListener.close();
await slaPreludeApi.close();

export const from = Date.now() - 7 * 86_400_000;
export const to = Date.now();
export const startOfWeek = from;
export const alert = (text: string) => console.log('alert:', text);
