export * from './pacer.js';
export * from './transport.js';
export * from './shared-pacer.js';
