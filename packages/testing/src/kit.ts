export * from './catch-loket-error.js';
export * from './emulator/emulator.js';
export type { EmulatorChannel, EmulatorContext, EmulatorReply, EmulatorRequest } from './emulator/emulator-channel.js';
export * from './emulator/emulator-types.js';
export * from './emulator/whatsapp/whatsapp-text-webhook.js';
export type {
  MessagingCustomer,
  MessagingCustomerOptions,
  MessagingEventOptions,
} from './emulator/messaging/messaging-customer.js';
export type {
  CustomerMedia,
  CustomerMessageOptions,
  WhatsAppCustomer,
  WhatsAppCustomerOptions,
} from './emulator/whatsapp/whatsapp-customer.js';
export * from './fixtures/fixture-schemas.js';
export * from './fixtures/load-fixtures.js';
export * from './http/capture-server.js';
export type { BodyInput } from './signing/bytes.js';
export * from './signing/meta-json.js';
export * from './signing/meta-requests.js';
export * from './signing/signers.js';
export * from './signing/webhook-request.js';
export * from './signing/x-requests.js';
export * from './webchat/webchat-client.js';
export type { ClientFrame, FrameQueue } from './webchat/webchat-frame-queue.js';
export type { WebchatStream } from './webchat/webchat-streams.js';
