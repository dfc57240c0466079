export * from './store.js';
export * from './memory-store.js';
export * from './record-store.js';
export * from './work-topic.js';
export * from './log-cursor.js';
export * from './memory-pubsub.js';
export * from './person-match.js';
export * from './rate-gcra.js';
