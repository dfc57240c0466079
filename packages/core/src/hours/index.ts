export * from './auto-reply.js';
export * from './business-hours.js';
