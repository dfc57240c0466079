export * from './messenger.js';
export * from './messenger-capabilities.js';
export * from './messenger-errors.js';
export * from './messenger-options.js';
export * from './messenger-thread-control.js';
