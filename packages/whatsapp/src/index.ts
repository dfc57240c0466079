export * from './to-whatsapp-message.js';
export * from './whatsapp.js';
export * from './whatsapp-capabilities.js';
export * from './whatsapp-errors.js';
export * from './whatsapp-media.js';
export * from './whatsapp-options.js';
export * from './whatsapp-parse.js';
export * from './whatsapp-webhook-schema.js';
