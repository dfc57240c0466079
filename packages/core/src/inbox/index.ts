export * from '../work/backoff.js';
export * from './inbox-worker.js';
export * from './worker-types.js';
