export { createThreadControl, PAGE_INBOX_APP_ID, type ThreadControl } from '@loket/meta';
export * from './messenger.js';
export * from './messenger-capabilities.js';
export * from './messenger-errors.js';
export * from './messenger-options.js';
