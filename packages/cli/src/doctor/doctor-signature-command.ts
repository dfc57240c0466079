import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LoketError, loketMessage } from '@loket/core';
import type { CliIo } from '../cli/cli-io.js';
import { parseFlags, str } from '../cli/parse-flags.js';
import { usageError } from '../cli/usage.js';
import { knownChannel, knownChannelNames } from '../channels/known-channels.js';
import { diagnoseSignature } from './diagnose-signature.js';

const FLAGS = {
  channel: { type: 'string' },
  secret: { type: 'string' },
  body: { type: 'string' },
  signature: { type: 'string' },
  'other-secret': { type: 'string' },
} as const;
const COMMAND = 'doctor signature';

/** The raw body: the file's exact bytes, or standard input's for `--body -` (`pbpaste | loket doctor ...`). */
async function readBody(file: string, io: CliIo): Promise<Uint8Array> {
  if (file === '-') {
    if (!io.readStdin) throw usageError(COMMAND, '--body - reads standard input, which this run does not have');
    return io.readStdin();
  }
  const path = resolve(io.cwd, file);
  try {
    return new Uint8Array(readFileSync(path));
  } catch (err) {
    throw new LoketError(
      'CONFIG',
      loketMessage('cli', `cannot read --body ${path}: give the file with the raw request body, or - for stdin`),
      { cause: err },
    );
  }
}

/** `loket doctor signature`: exit 0 when it matches, 1 when it does not. */
export async function doctorSignatureCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(COMMAND, args, FLAGS);
  const missing = ['channel', 'secret', 'body', 'signature'].filter((f) => str(flags, f) === undefined);
  if (missing.length > 0) throw usageError(COMMAND, `missing ${missing.map((m) => `--${m}`).join(', ')}`);
  const known = knownChannel(str(flags, 'channel')!);
  if (!known)
    throw usageError(COMMAND, `unknown channel "${str(flags, 'channel')}": use one of ${knownChannelNames()}`);
  const body = await readBody(str(flags, 'body')!, io);
  const diagnosis = diagnoseSignature({
    scheme: known.signature,
    secret: str(flags, 'secret')!,
    body,
    signature: str(flags, 'signature')!,
    otherSecret: str(flags, 'other-secret'),
  });
  if (diagnosis.matches) {
    io.out(`✓ ${diagnosis.explanation.join(' ')}`);
    return 0;
  }
  io.out(`✗ The signature does not match (${known.channel}, ${diagnosis.header}, ${body.byteLength} bytes).`);
  io.out(`  Likely cause: ${diagnosis.cause}`);
  for (const sentence of diagnosis.explanation) io.out(`  ${sentence}`);
  io.out(`  For these exact bytes and this secret, ${diagnosis.header} would be: ${diagnosis.expected}`);
  return 1;
}
