export { webchat, type WebchatAdapter, type WebchatServeOptions } from './server/webchat-adapter.js';
export type { WebchatOptions } from './server/webchat-options.js';
export { signWebchatToken, type WebchatClaims } from './server/webchat-token.js';
export type { ServerFrame, WireEvent } from './server/webchat-frames.js';
export type { MessageData } from './server/webchat-log.js';
export { WEBCHAT_PROTOCOL } from './server/webchat-ws.js';
export { type BlobMeta, type BlobStore, fileBlobStore, memoryBlobStore } from './server/webchat-blobs.js';
