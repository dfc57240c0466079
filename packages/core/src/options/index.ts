export * from './adapter-options.js';
export * from './stable-id.js';
