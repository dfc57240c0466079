import type { CliIo } from '../cli/cli-io.js';
import { parseFlags, str } from '../cli/parse-flags.js';
import { intFlag, usageError } from '../cli/usage.js';
import { knownChannel, knownChannelNames } from '../channels/known-channels.js';
import { signingSecret } from '../config/channel-settings.js';
import { loadConfigFile } from '../config/load-config.js';
import { itemLine } from '../dev/timeline.js';
import { simulateMessage } from './simulate-message.js';
import { timelineMark, watchOutcome } from './watch-outcome.js';

const FLAGS = {
  from: { type: 'string' },
  name: { type: 'string' },
  url: { type: 'string' },
  secret: { type: 'string' },
  account: { type: 'string' },
  wait: { type: 'string' },
  config: { type: 'string' },
} as const;

/** `loket simulate <channel> <text>`: exit 0 when the gateway acknowledged, 1 otherwise. */
export async function simulateCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags('simulate', args, FLAGS);
  const [channel, ...words] = flags.positionals;
  if (channel === undefined || words.length === 0)
    throw usageError('simulate', 'give a channel and a text: loket simulate whatsapp "hello"');
  const known = knownChannel(channel);
  if (!known && channel !== 'webchat') {
    throw usageError('simulate', `unknown channel "${channel}": use one of ${knownChannelNames()}, webchat`);
  }
  const { config } = await loadConfigFile(io.cwd, str(flags, 'config'));
  const url = (str(flags, 'url') ?? io.env.LOKET_URL ?? `http://localhost:${config.port ?? 3000}`).replace(/\/$/, '');
  if (!URL.canParse(url)) throw usageError('simulate', `--url "${url}" is not a URL`);
  const waitMs = intFlag('simulate', 'wait', str(flags, 'wait')) ?? 3000;
  const mark = waitMs > 0 ? await timelineMark(url) : undefined;

  const result = await simulateMessage(
    {
      channel,
      text: words.join(' '),
      from: str(flags, 'from'),
      name: str(flags, 'name'),
      account: str(flags, 'account'),
    },
    { gatewayUrl: url, secret: known ? signingSecret(known, config, io.env, str(flags, 'secret')) : '' },
  );
  const who = `${result.conversation.user} → ${result.conversation.account}`;
  io.out(`→ POST ${result.url}  ${channel} message from ${who}${result.messageId ? ` (${result.messageId})` : ''}`);
  io.out(`← ${result.status || 'no answer'} ${result.verdict}`);
  if (!result.ok) return 1;
  if (mark === undefined) {
    if (waitMs > 0) io.out("  (not a loket dev server: what the handlers did is in the gateway's own logs)");
    return 0;
  }
  const seen = await watchOutcome(url, mark, result.conversation, waitMs, (item) =>
    io.out(`  ${itemLine(item, 8)}${item.messageId ? `  ${item.messageId}` : ''}`),
  );
  if (seen.length === 0) io.out(`  nothing handled within ${waitMs} ms: is the worker running (gateway.start())?`);
  return 0;
}
