export * from './capabilities.js';
export * from './content.js';
export * from './conversation.js';
export * from './events.js';
export * from './outbound.js';
