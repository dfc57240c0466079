export * from './child.js';
export * from './envelope.js';
export * from './gc-stats.js';
export * from './signed-bodies.js';
export * from './stats.js';
export * from './stores.js';
export * from './wrk.js';
