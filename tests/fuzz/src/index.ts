export * from './fuzz-adapter.js';
export * from './mutations.js';
