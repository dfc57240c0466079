export * from './adapter-options.js';
export * from './stable-id.js';
export * from './env-options.js';
export * from './unknown-options.js';
