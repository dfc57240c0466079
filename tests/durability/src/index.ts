export * from './scenario-redis-pair.js';
export * from './scenario-sqlite-kill.js';
export * from './temp-dir.js';
