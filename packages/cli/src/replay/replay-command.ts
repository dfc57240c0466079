import { relative } from 'node:path';
import type { CliIo } from '../cli/cli-io.js';
import { parseFlags, str } from '../cli/parse-flags.js';
import { usageError } from '../cli/usage.js';
import { knownChannel, knownChannelNames } from '../channels/known-channels.js';
import { signingSecret } from '../config/channel-settings.js';
import { loadConfigFile } from '../config/load-config.js';
import { collectWebhookFiles } from './collect-files.js';
import { progressBar, type ReplayItem, replayFiles } from './replay.js';

const FLAGS = {
  url: { type: 'string' },
  channel: { type: 'string' },
  secret: { type: 'string' },
  config: { type: 'string' },
} as const;

/** `loket replay <file|dir> --url <gateway>`: exit 1 when anything was refused or failed. */
export async function replayCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags('replay', args, FLAGS);
  const [target] = flags.positionals;
  if (target === undefined)
    throw usageError(
      'replay',
      'give a fixture file or directory: loket replay fixtures/whatsapp --url http://localhost:3000',
    );
  const url = (str(flags, 'url') ?? io.env.LOKET_URL)?.replace(/\/$/, '');
  if (url === undefined)
    throw usageError('replay', "--url is missing: pass the gateway's base URL, e.g. --url http://localhost:3000");
  if (!URL.canParse(url)) throw usageError('replay', `--url "${url}" is not a URL`);
  const channel = str(flags, 'channel');
  if (channel !== undefined && !knownChannel(channel))
    throw usageError('replay', `unknown channel "${channel}": use one of ${knownChannelNames()}`);
  const { config } = await loadConfigFile(io.cwd, str(flags, 'config'));
  const files = collectWebhookFiles(target);
  if (files.length === 0) throw usageError('replay', `no webhook bodies (*.json) under ${target}`);

  const summary = await replayFiles(files, {
    url,
    channel,
    secretFor: (c) => signingSecret(knownChannel(c)!, config, io.env, str(flags, 'secret')),
    onItem: (item, index, total) => {
      if (io.status) io.status(progressBar(index + 1, total, item.file));
      else if (item.outcome !== 'acknowledged') io.out(itemLine(item, io.cwd));
    },
  });
  io.status?.('');
  if (io.status) {
    for (const item of summary.items.filter((i) => i.outcome !== 'acknowledged')) {
      io.out(itemLine(item, io.cwd));
    }
  }
  io.out(
    `Replayed ${files.length} webhook${files.length === 1 ? '' : 's'} to ${url}: ${summary.acknowledged} acknowledged, ${summary.refused} refused, ${summary.failed} failed`,
  );
  return summary.refused + summary.failed > 0 ? 1 : 0;
}

function itemLine(item: ReplayItem, cwd: string): string {
  return `  ${item.outcome} ${relative(cwd, item.file)}: ${item.status || 'no answer'} ${item.reason ?? ''}`.trimEnd();
}
