import { LoketError } from '@loket/core';
import { dbMigrateCommand } from '../db/db-migrate-command.js';
import { devCommand } from '../dev/dev-command.js';
import { doctorSignatureCommand } from '../doctor/doctor-signature-command.js';
import { doctorWebhookCommand } from '../doctor/doctor-webhook-command.js';
import { replayCommand } from '../replay/replay-command.js';
import { simulateCommand } from '../simulate/simulate-command.js';
import type { CliIo } from './cli-io.js';
import { HELP } from './help.js';
import { usageError } from './usage.js';

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  dev: devCommand,
  simulate: simulateCommand,
  replay: replayCommand,
  'doctor signature': doctorSignatureCommand,
  'doctor webhook': doctorWebhookCommand,
  'db migrate': dbMigrateCommand,
};

function pick(argv: string[]): { name: string; args: string[] } | undefined {
  const [first, second] = argv;
  if ((first === 'doctor' || first === 'db') && second !== undefined && !second.startsWith('-')) {
    return { name: `${first} ${second}`, args: argv.slice(2) };
  }
  return first === undefined ? undefined : { name: first, args: argv.slice(1) };
}

/**
 * Runs the `loket` command line and resolves with the exit code: 0 done, 1 the check failed (a signature that does
 * not match, a webhook a platform would reject, replayed items refused), 2 a usage or configuration error.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), processIo());
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const picked = pick(argv);
  if (!picked || picked.name === '--help' || picked.name === '-h' || picked.name === 'help') {
    io.out(HELP.loket!);
    return picked ? 0 : 2;
  }
  if (picked.name === '--version' || picked.name === '-v') {
    io.out('loket 0.1.0');
    return 0;
  }
  const command = COMMANDS[picked.name];
  if (!command) {
    const error = picked.name.startsWith('doctor')
      ? usageError('doctor signature', `unknown command "${picked.name}": use doctor signature or doctor webhook`)
      : usageError('--help', `unknown command "${picked.name}": use dev, simulate, replay or doctor`);
    io.err(error.message);
    return 2;
  }
  if (picked.args.includes('--help') || picked.args.includes('-h')) {
    io.out(HELP[picked.name]!);
    return 0;
  }
  try {
    return await command(picked.args, io);
  } catch (err) {
    if (!LoketError.is(err)) throw err;
    io.err(err.message);
    return err.code === 'CONFIG' ? 2 : 1;
  }
}
