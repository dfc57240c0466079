export * from './auto-reply.js';
export * from './business-hours.js';
export * from './format-opening.js';
