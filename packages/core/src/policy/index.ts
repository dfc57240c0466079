export type { ConsentApi } from './consent.js';
export * from './policy.js';
export { type CustomerServiceWindow, customerServiceWindow } from './window-check.js';
export { DEFAULT_STOP_WORDS } from './stop-words.js';
