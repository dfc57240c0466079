export * from './hmac.js';
export * from './signature-header.js';
