export * from './instagram.js';
export * from './instagram-capabilities.js';
export * from './instagram-errors.js';
export * from './instagram-options.js';
