import { LoketError, loketMessage } from '@loket/core';
import { dbMigrateCommand } from '../db/db-migrate-command.js';
import { devCommand } from '../dev/dev-command.js';
import { doctorSignatureCommand } from '../doctor/doctor-signature-command.js';
import { doctorWebhookCommand } from '../doctor/doctor-webhook-command.js';
import { replayCommand } from '../replay/replay-command.js';
import { simulateCommand } from '../simulate/simulate-command.js';
import type { CliIo } from './cli-io.js';
import { HELP } from './help.js';

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

/** The commands under a group (`doctor`, `db`), as typed. */
function subcommandsOf(group: string): string[] {
  return Object.keys(COMMANDS).filter((name) => name.startsWith(`${group} `));
}

/** `loket doctor --help`: each subcommand of the group with the first line of its help; undefined for no group. */
function groupHelp(group: string): string | undefined {
  const names = subcommandsOf(group);
  if (names.length === 0) return undefined;
  const lines = names.map(
    (name) => `  ${name.padEnd(20)}${(HELP[name] ?? '').split('\n')[0]?.replace(/^[^:]*: /, '')}`,
  );
  return `loket ${group}: ${names.join(', ')}\n\n${lines.join('\n')}\n\nRun \`loket <command> --help\` for its options.`;
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
    const groupName = picked.name.split(' ')[0] ?? picked.name;
    const group = groupHelp(groupName);
    if (group && (picked.args.includes('--help') || picked.args.includes('-h'))) {
      io.out(group);
      return 0;
    }
    const use = group
      ? `use ${subcommandsOf(groupName).join(' or ')}`
      : 'use dev, simulate, replay, doctor or db migrate';
    io.err(
      loketMessage(
        'cli',
        `unknown command "${picked.name}": ${use}: see \`loket ${group ? `${groupName} ` : ''}--help\``,
      ),
    );
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
