export * from './capabilities.js';
export * from './content.js';
export * from './content-schema.js';
export * from './conversation.js';
export * from './events.js';
export * from './event-schema.js';
export * from './outbound.js';
