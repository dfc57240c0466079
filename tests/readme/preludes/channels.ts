// Prelude `channels`: `channels` and `store` for a snippet that creates its own gateway (a WhatsApp adapter on the
// emulator's address, a fresh memory store).
import { memoryStore as channelsPreludeMemoryStore } from '@loket/core';
import { whatsapp as channelsPreludeWhatsapp } from '@loket/whatsapp';

export const channels = [
  channelsPreludeWhatsapp({
    appSecret: 'readme-app-secret',
    verifyToken: 'readme-verify',
    accessToken: 'readme-token',
  }),
];
export const store = channelsPreludeMemoryStore();
