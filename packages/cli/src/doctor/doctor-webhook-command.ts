import type { CliIo } from '../cli/cli-io.js';
import { parseFlags, str } from '../cli/parse-flags.js';
import { usageError } from '../cli/usage.js';
import { knownChannel, knownChannelNames } from '../channels/known-channels.js';
import { channelConfig, DEV_SECRETS } from '../config/channel-settings.js';
import { loadConfigFile } from '../config/load-config.js';
import { checkWebhook, webhookUrl } from './check-webhook.js';
import { checkXWebhook } from './check-x-webhook.js';

const FLAGS = {
  url: { type: 'string' },
  channel: { type: 'string' },
  'verify-token': { type: 'string' },
  secret: { type: 'string' },
  config: { type: 'string' },
} as const;
const COMMAND = 'doctor webhook';
const MARK = { pass: '✓', fail: '✗', warn: '!' } as const;

/** `loket doctor webhook --url <url>`: exit 1 when a platform would reject the endpoint. */
export async function doctorWebhookCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(COMMAND, args, FLAGS);
  const url = str(flags, 'url');
  if (url === undefined) throw usageError(COMMAND, '--url is missing: pass the public webhook URL');
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
    throw usageError(COMMAND, `--url "${url}" is not an http(s) URL`);
  const channel = str(flags, 'channel') ?? 'whatsapp';
  const known = knownChannel(channel);
  if (!known) throw usageError(COMMAND, `unknown channel "${channel}": use one of ${knownChannelNames()}`);
  const { config } = await loadConfigFile(io.cwd, str(flags, 'config'));
  const configured = channelConfig(known, config, io.env);
  const verifyToken =
    str(flags, 'verify-token') ?? (configured.verifyToken as string | undefined) ?? DEV_SECRETS.verifyToken;
  // X's CRC is keyed with the client secret when the app has one, else the consumer secret.
  const xSecret =
    str(flags, 'secret') ??
    io.env.TWITTER_DM_CLIENT_SECRET ??
    io.env.TWITTER_DM_CONSUMER_SECRET ??
    DEV_SECRETS.appSecret;
  const report =
    known.signature === 'x'
      ? await checkXWebhook({ url: webhookUrl(url, channel), secret: xSecret })
      : await checkWebhook({ url, channel, verifyToken, secret: str(flags, 'secret') });
  io.out(`Checking ${report.url} as ${channel} would:`);
  for (const check of report.checks) io.out(`  ${MARK[check.result]} ${check.name}: ${check.detail}`);
  io.out(
    report.ok ? 'The platform would accept this webhook.' : 'The platform would reject this webhook: fix the ✗ above.',
  );
  return report.ok ? 0 : 1;
}
