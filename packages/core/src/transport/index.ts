export * from './pacer.js';
export * from './transport.js';
