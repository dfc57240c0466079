// Prelude `broadcast` (after `gateway`): `recipients` (two WhatsApp customers, consent for 'shipping' recorded) and
// a `template`.
import type { ConversationRef as BroadcastPreludeRef, Content as BroadcastPreludeContent } from '@loket/core';

export const recipients: BroadcastPreludeRef[] = [
  { channel: 'whatsapp', account: '106540352242922', user: '31611111111' },
  { channel: 'whatsapp', account: '106540352242922', user: '31622222222' },
];
for (const recipient of recipients) await gateway.consent.grant(recipient, { topic: 'shipping', source: 'readme' });
export const template: BroadcastPreludeContent = { type: 'template', name: 'shipping_update', language: 'en' };
