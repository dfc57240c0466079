export * from './child-config.js';
export * from './scenario-kill.js';
export * from './scenario-pair.js';
export * from './scenario-redis-pair.js';
export * from './scenario-sqlite-kill.js';
export * from './temp-dir.js';
