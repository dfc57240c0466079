import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { metaJson, signMeta } from '@loket/testing/kit';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { memoryIo } from '../test-support/memory-io.js';

const SECRET = 'app-secret';
// What Meta sends: compact, non-ASCII and slashes escaped. What a JSON body parser hands the app: decoded.
const value = { object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ value: { text: 'café ☕' } }] }] };
const ORIGINAL = metaJson(value);
const ascii = { object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ value: { text: 'plain' } }] }] };

async function doctor(body: string, signature: string, secret = SECRET) {
  const io = memoryIo();
  writeFileSync(join(io.cwd, 'body.json'), body);
  const args = ['doctor', 'signature', '--channel', 'whatsapp', '--secret', secret, '--body', 'body.json'];
  const code = await runCli([...args, '--signature', signature], io);
  return { code, text: io.text() };
}

describe('loket doctor signature', () => {
  it('says a right signature matches and exits 0', async () => {
    const { code, text } = await doctor(ORIGINAL, signMeta(ORIGINAL, SECRET));
    expect(code).toBe(0);
    expect(text).toContain('The signature matches');
  });

  it('reads the body from standard input with --body -, byte for byte', async () => {
    const io = memoryIo({ stdin: ORIGINAL });
    const args = ['doctor', 'signature', '--channel', 'whatsapp', '--secret', SECRET, '--body', '-'];
    expect(await runCli([...args, '--signature', signMeta(ORIGINAL, SECRET)], io)).toBe(0);
    expect(io.text()).toContain('The signature matches');
  });

  it('accepts a pasted header line', async () => {
    const { code } = await doctor(ORIGINAL, `X-Hub-Signature-256: ${signMeta(ORIGINAL, SECRET)}`);
    expect(code).toBe(0);
  });

  it('names a wrong secret, exits 1 and prints what the signature would be', async () => {
    const { code, text } = await doctor(ORIGINAL, signMeta(ORIGINAL, 'another-secret'));
    expect(code).toBe(1);
    expect(text).toContain('Likely cause: wrong-secret');
    expect(text).toContain('App Secret of the Meta app');
    expect(text).toContain(signMeta(ORIGINAL, SECRET));
  });

  it('spots an access token given as the secret', async () => {
    const { text } = await doctor(ORIGINAL, signMeta(ORIGINAL, SECRET), 'EAAGm0PX4ZCpsBAexample');
    expect(text).toContain('that is an access token');
  });

  it('names escaped unicode lost by a JSON body parser', async () => {
    const { code, text } = await doctor(JSON.stringify(value), signMeta(ORIGINAL, SECRET));
    expect(code).toBe(1);
    expect(text).toContain('Likely cause: unicode-escapes-lost');
    expect(text).toContain('\\uXXXX');
    expect(text).toContain('raw request bytes');
  });

  it('names a body re-encoded by a JSON body parser (pretty-printed)', async () => {
    const original = metaJson(ascii);
    const { code, text } = await doctor(JSON.stringify(ascii, null, 2), signMeta(original, SECRET));
    expect(code).toBe(1);
    expect(text).toContain('Likely cause: re-encoded-body');
  });

  it('names a trailing newline added to the body', async () => {
    const { text } = await doctor(`${ORIGINAL}\n`, signMeta(ORIGINAL, SECRET));
    expect(text).toContain('Likely cause: trailing-newline');
  });

  it('names base64 where hex is expected', async () => {
    const b64 = createHmac('sha256', SECRET).update(ORIGINAL).digest('base64');
    const { code, text } = await doctor(ORIGINAL, `sha256=${b64}`);
    expect(code).toBe(1);
    expect(text).toContain('Likely cause: hex-vs-base64');
  });

  it('names a missing sha256= prefix', async () => {
    const { code, text } = await doctor(ORIGINAL, signMeta(ORIGINAL, SECRET).slice('sha256='.length));
    expect(code).toBe(1);
    expect(text).toContain('Likely cause: missing-prefix');
  });

  it('names the legacy SHA-1 header when its value is given', async () => {
    const sha1 = createHmac('sha1', SECRET).update(ORIGINAL).digest('hex');
    const { code, text } = await doctor(ORIGINAL, `sha1=${sha1}`);
    expect(code).toBe(1);
    expect(text).toContain('Likely cause: other-header');
    expect(text).toContain('X-Hub-Signature-256');
  });

  it('names whitespace around the secret', async () => {
    const { text } = await doctor(ORIGINAL, signMeta(ORIGINAL, SECRET), `${SECRET}\n`);
    expect(text).toContain('Likely cause: secret-whitespace');
  });

  it('names a malformed value', async () => {
    const { code, text } = await doctor(ORIGINAL, 'sha256=not-a-digest');
    expect(code).toBe(1);
    expect(text).toContain('Likely cause: malformed');
  });

  it('exits 2 and lists what is missing on a usage error', async () => {
    const io = memoryIo();
    expect(await runCli(['doctor', 'signature', '--channel', 'whatsapp'], io)).toBe(2);
    expect(io.text()).toContain('missing --secret, --body, --signature');
  });

  it('exits 2 when the body file does not exist', async () => {
    const io = memoryIo();
    const args = [
      'doctor',
      'signature',
      '--channel',
      'whatsapp',
      '--secret',
      's',
      '--body',
      'nope.json',
      '--signature',
      'x',
    ];
    expect(await runCli(args, io)).toBe(2);
    expect(io.text()).toContain('cannot read --body');
  });
});
