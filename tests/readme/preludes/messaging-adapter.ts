// Prelude `messaging-adapter`: `options` (parsed Meta options) and the Messenger adapter's `capabilities`.
import { metaOptionsSchema as messagingPreludeSchema, parseMetaOptions as messagingPreludeParse } from '@loket/meta';
import { messenger as messagingPreludeMessenger } from '@loket/messenger';

const messagingPreludeInput = {
  appSecret: 'readme-app-secret',
  verifyToken: 'readme-verify',
  accessToken: 'readme-token',
};
export const options = messagingPreludeParse(messagingPreludeSchema, messagingPreludeInput, {
  channel: 'messenger',
  factory: 'messenger',
});
export const capabilities = messagingPreludeMessenger(messagingPreludeInput).capabilities;
