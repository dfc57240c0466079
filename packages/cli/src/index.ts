// The public surface of @loket/cli (the programmatic side of the loket command), named one by one.
export { KNOWN_CHANNELS, type KnownChannel, type SignatureScheme } from './channels/known-channels.js';
export { type CliIo, processIo } from './cli/cli-io.js';
export { runCli } from './cli/run-cli.js';
export type { ChannelConfig, LoketConfig } from './config/config-schema.js';
export { CONFIG_FILES, loadConfigFile } from './config/load-config.js';
export type { DevOptions } from './dev/dev-options.js';
export { type DevServer, startDev } from './dev/start-dev.js';
export {
  checkWebhook,
  type WebhookCheck,
  type WebhookCheckOptions,
  type WebhookReport,
} from './doctor/check-webhook.js';
export {
  diagnoseSignature,
  type SignatureCase,
  type SignatureCause,
  type SignatureDiagnosis,
} from './doctor/diagnose-signature.js';
export { replayFiles, type ReplayItem, type ReplayOptions, type ReplaySummary } from './replay/replay.js';
export {
  type SimulateInput,
  simulateMessage,
  type SimulateResult,
  type SimulateTarget,
} from './simulate/simulate-message.js';
