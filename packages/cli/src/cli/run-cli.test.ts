import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../test-support/memory-io.js';
import { runCli } from './run-cli.js';

const COMMANDS = [['dev'], ['simulate'], ['replay'], ['doctor', 'signature'], ['doctor', 'webhook']];

describe('loket', () => {
  it('prints the overview with --help and exits 0', async () => {
    const io = memoryIo();
    expect(await runCli(['--help'], io)).toBe(0);
    for (const [name] of COMMANDS) expect(io.text()).toContain(name);
  });

  it.each(COMMANDS)('%s %s --help explains the command and its options', async (...command) => {
    const io = memoryIo();
    expect(await runCli([...command.filter(Boolean), '--help'], io)).toBe(0);
    expect(io.text()).toContain(`loket ${command.filter(Boolean).join(' ')}`);
    expect(io.text()).toContain('Usage:');
  });

  it('refuses an unknown command with exit 2 and says what exists', async () => {
    const io = memoryIo();
    expect(await runCli(['deploy'], io)).toBe(2);
    expect(io.errors.join('\n')).toContain(
      'unknown command "deploy": use dev, simulate, replay, doctor or db migrate: see `loket --help`',
    );
  });

  it.each(['doctor', 'db'])('%s --help lists the commands of the group and exits 0', async (group) => {
    const io = memoryIo();
    expect(await runCli([group, '--help'], io)).toBe(0);
    const names = COMMANDS.filter(([first]) => first === group).map((c) => c.join(' '));
    for (const name of group === 'db' ? ['db migrate'] : names) expect(io.text()).toContain(name);
  });

  it('refuses an unknown doctor command and names the ones that exist', async () => {
    const io = memoryIo();
    expect(await runCli(['doctor', 'sig'], io)).toBe(2);
    expect(io.errors.join('\n')).toContain(
      'unknown command "doctor sig": use doctor signature or doctor webhook: see `loket doctor --help`',
    );
  });

  it('refuses an unknown flag and points at the command help', async () => {
    const io = memoryIo();
    expect(await runCli(['simulate', 'whatsapp', 'hi', '--form', 'x'], io)).toBe(2);
    expect(io.errors.join('\n')).toMatch(/--form.*see `loket simulate --help`/);
  });

  it('names an unknown flag as unknown and suggests the flag it probably meant', async () => {
    const io = memoryIo();
    expect(await runCli(['simulate', 'whatsapp', 'hi', '--form', 'x'], io)).toBe(2);
    expect(io.errors.join('\n')).toBe(
      '[loket] [cli] unknown option --form (did you mean --from?): see `loket simulate --help`',
    );
    const typo = memoryIo();
    expect(await runCli(['doctor', 'signature', '--secrte', 's'], typo)).toBe(2);
    expect(typo.errors.join('\n')).toContain('unknown option --secrte (did you mean --secret?)');
  });

  it('refuses a missing argument with what to type', async () => {
    const io = memoryIo();
    expect(await runCli(['simulate'], io)).toBe(2);
    expect(io.errors.join('\n')).toContain('loket simulate whatsapp "hello"');
  });

  it('ends quietly with 0 when its reader goes away (loket ... | head -1: EPIPE)', () => {
    const bin = fileURLToPath(new URL('../../bin/loket.js', import.meta.url));
    // `true` exits without reading, long before node starts writing: every write meets a closed pipe.
    const run = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${bin}" dev --help | true`], {
      encoding: 'utf8',
      env: { ...process.env, LOKET_CLI_FROM: 'source' },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('runs from a fresh clone through the committed launcher (sources, no build)', () => {
    const bin = fileURLToPath(new URL('../../bin/loket.js', import.meta.url));
    const run = spawnSync(process.execPath, [bin, 'doctor', 'signature', '--help'], {
      encoding: 'utf8',
      env: { ...process.env, LOKET_CLI_FROM: 'source' },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('loket doctor signature');
  });
});
