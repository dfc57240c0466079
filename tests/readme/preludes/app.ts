// Prelude `app`: stand-ins for the application around a snippet: `crm` records events, `app` is a
// connect-style server that mounts handlers, `customers` the recipients of a broadcast.
import type { ConversationRef as AppPreludeRef, InboundEvent as AppPreludeEvent } from '@loket/core';

export const crm = {
  records: [] as AppPreludeEvent[],
  record: async (event: AppPreludeEvent) => void crm.records.push(event),
};
export const app = {
  handlers: [] as unknown[],
  use: (handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => unknown) =>
    void app.handlers.push(handler),
};
export const customers: AppPreludeRef[] = [{ channel: 'whatsapp', account: '106540352242922', user: '31612345678' }];
