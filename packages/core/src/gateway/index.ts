export * from './create-gateway.js';
export * from './gateway-types.js';
export * from '../outbox/index.js';
