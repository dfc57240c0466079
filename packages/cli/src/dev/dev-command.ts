import type { CliIo } from '../cli/cli-io.js';
import { parseFlags, str } from '../cli/parse-flags.js';
import { intFlag, usageError } from '../cli/usage.js';
import { loadConfigFile } from '../config/load-config.js';
import { DEV_SECRETS } from '../config/channel-settings.js';
import { isPostgresUrl } from '../db/postgres-module.js';
import type { DevStoreKind } from './open-store.js';
import { startDev } from './start-dev.js';
import type { TimelineItem } from './timeline.js';

const FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  store: { type: 'string' },
  'data-dir': { type: 'string' },
  'public-url': { type: 'string' },
  'no-echo': { type: 'boolean' },
  config: { type: 'string' },
} as const;

function line(item: TimelineItem): string {
  const who = item.conversation ? `${item.conversation.channel}:${item.conversation.user}` : (item.channel ?? '');
  return `  ${item.kind.padEnd(8)} ${who.padEnd(28)} ${item.title}`;
}

/** `loket dev`: runs until Ctrl-C, printing what happens. */
export async function devCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags('dev', args, FLAGS);
  if (flags.positionals.length > 0) throw usageError('dev', `unexpected argument "${flags.positionals[0]}"`);
  const store = str(flags, 'store') ?? io.env.LOKET_STORE;
  if (store !== undefined && store !== 'sqlite' && store !== 'memory' && !isPostgresUrl(store)) {
    throw usageError('dev', `--store must be sqlite, memory or a postgres:// URL, got "${store.split('://')[0]}"`);
  }
  const { config, file } = await loadConfigFile(io.cwd, str(flags, 'config'));
  const dev = await startDev({
    port: intFlag('dev', 'port', str(flags, 'port') ?? io.env.LOKET_PORT),
    host: str(flags, 'host') ?? io.env.LOKET_HOST,
    store: store as DevStoreKind | undefined,
    dataDir: str(flags, 'data-dir'),
    publicUrl: str(flags, 'public-url') ?? io.env.LOKET_PUBLIC_URL,
    echo: flags.values['no-echo'] === true ? false : undefined,
    config,
    env: io.env,
    cwd: io.cwd,
  });
  io.out(`loket dev: console on ${dev.url}${file ? ` (config: ${file})` : ''}`);
  io.out(`  store    ${dev.storeDescription}`);
  for (const c of dev.channels) {
    if (c.mode === 'emulated') {
      io.out(`  ${c.channel.padEnd(9)} emulated (Graph API emulator at ${dev.emulator.url}), webhook ${c.webhookUrl}`);
    } else {
      io.out(
        `  ${c.channel.padEnd(9)} REAL platform: register ${c.webhookUrl} with your verify token in the app dashboard`,
      );
    }
  }
  const emulated = dev.channels.find((c) => c.mode === 'emulated');
  if (emulated) {
    io.out(
      `  try      npx loket simulate ${emulated.channel} "hello"   (signed with the dev secret ${DEV_SECRETS.appSecret})`,
    );
  }
  dev.timeline.on('item', (item) => io.out(line(item)));
  await (io.untilStopped?.() ?? new Promise<void>(() => {}));
  io.out('loket dev: stopping');
  await dev.close();
  return 0;
}
