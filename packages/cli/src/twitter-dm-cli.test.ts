import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGateway, memoryStore } from '@loket/core';
import { signX } from '@loket/testing/kit';
import { twitterDm } from '@loket/twitter-dm';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './cli/run-cli.js';
import type { DevServer } from './dev/start-dev.js';
import { memoryIo } from './test-support/memory-io.js';
import { startTestDev } from './test-support/test-dev.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0)) await close();
});

async function dev(): Promise<DevServer> {
  const server = await startTestDev();
  cleanup.push(() => server.close());
  return server;
}

/** A plain gateway with only the X adapter, configured with a client secret. */
async function xGateway(consumerSecret: string, clientSecret?: string): Promise<string> {
  const credentials = { kind: 'oauth1', consumerKey: 'ck', consumerSecret, token: '1-t', tokenSecret: 'ts' } as const;
  const gateway = createGateway({
    channels: [
      twitterDm({
        consumerSecret,
        ...(clientSecret ? { clientSecret } : {}),
        credentials,
        apiBaseUrl: 'http://127.0.0.1:9',
      }),
    ],
    store: memoryStore(),
  });
  const server = createServer(gateway.node);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(async () => {
    await new Promise((resolve) => server.close(resolve));
    await gateway.close();
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('loket dev and simulate with twitter-dm', () => {
  it('runs twitter-dm on the emulator; a simulated X DM is answered through the emulated X API', async () => {
    const server = await dev();
    expect(server.channels.find((c) => c.channel === 'twitter-dm')).toMatchObject({
      mode: 'emulated',
      account: '2244994945',
    });
    const io = memoryIo();
    const code = await runCli(['simulate', 'twitter-dm', 'hello', 'X', '--url', server.url], io);
    expect(code).toBe(0);
    expect(io.text()).toContain(`→ POST ${server.url}/webhooks/twitter-dm`);
    await server.emulator.waitForSent(1);
    expect(server.emulator.sent[0]).toMatchObject({ channel: 'twitter-dm', account: '2244994945', to: '3805104374' });
    // The dev console lists the X conversation.
    const res = await fetch(`${server.url}/console/api/conversations`);
    expect(JSON.stringify(await res.json())).toContain('twitter-dm:2244994945:3805104374');
  });

  it('uses the real X API when TWITTER_DM_* credentials are set, and stops on a half configuration', async () => {
    const env = {
      TWITTER_DM_CONSUMER_SECRET: 'cs',
      TWITTER_DM_CONSUMER_KEY: 'ck',
      TWITTER_DM_ACCESS_TOKEN: '1-t',
      TWITTER_DM_ACCESS_TOKEN_SECRET: 'ts',
    };
    const real = await startTestDev({ env });
    cleanup.push(() => real.close());
    expect(real.channels.find((c) => c.channel === 'twitter-dm')?.mode).toBe('real');
    await expect(startTestDev({ env: { TWITTER_DM_CONSUMER_SECRET: 'cs' } })).rejects.toMatchObject({ code: 'CONFIG' });
  });
});

describe('loket replay with twitter-dm', () => {
  it('replays the recorded X webhooks of both envelopes, re-signed with the consumer secret', async () => {
    const url = await xGateway('their-consumer-secret');
    const dir = fileURLToPath(new URL('../../testing/fixtures/twitter-dm', import.meta.url));
    const count = readdirSync(join(dir, 'inbound')).filter((f) => !f.endsWith('.events.json')).length;
    const io = memoryIo();
    const code = await runCli(['replay', dir, '--url', url, '--secret', 'their-consumer-secret'], io);
    expect(io.text()).toContain(`Replayed ${count} webhooks to ${url}: ${count} acknowledged, 0 refused, 0 failed`);
    expect(code).toBe(0);
  });
});

describe('loket doctor with twitter-dm', () => {
  const body = '{"for_user_id":"2244994945","direct_message_events":[]}';
  const file = join(mkdtempSync(join(tmpdir(), 'loket-x-')), 'body.json');
  writeFileSync(file, body);
  const doctor = async (...args: string[]) => {
    const io = memoryIo();
    const code = await runCli(['doctor', 'signature', '--channel', 'twitter-dm', '--body', file, ...args], io);
    return { code, text: io.text() };
  };

  it('explains base64 vs hex, swapped consumer and client secrets, and a re-encoded body', async () => {
    const good = signX(body, 'consumer');
    expect((await doctor('--secret', 'consumer', '--signature', good)).code).toBe(0);
    const hex = `sha256=${Buffer.from(good.slice(7), 'base64').toString('hex')}`;
    expect((await doctor('--secret', 'consumer', '--signature', hex)).text).toContain('hex-vs-base64');
    const swapped = await doctor(
      '--secret',
      'consumer',
      '--other-secret',
      'client',
      '--signature',
      `X-Twitter-Webhooks-Signature-OAuth2: ${signX(body, 'client')}`,
    );
    expect(swapped.code).toBe(1);
    expect(swapped.text).toContain('swapped-secret');
    // The body file was pretty-printed after X signed the compact bytes.
    writeFileSync(file, JSON.stringify(JSON.parse(body), null, 2));
    const spaced = await doctor('--secret', 'consumer', '--signature', signX(body, 'consumer'));
    expect(spaced.text).toContain('re-encoded-body');
    writeFileSync(file, body);
  });

  it('doctor webhook runs X’s CRC check against a deployed URL', async () => {
    const url = await xGateway('consumer', 'client');
    const io = memoryIo();
    const code = await runCli(['doctor', 'webhook', '--channel', 'twitter-dm', '--url', url, '--secret', 'client'], io);
    expect(io.text()).toMatch(/✓ crc: 200 with the right response_token/);
    expect(io.text()).toMatch(/✓ empty crc_token: answered 400/);
    expect(io.text()).toMatch(/✓ signing oracle: refused with 400/);
    expect(io.text()).toMatch(/✓ unsigned POST: refused with 401/);
    expect(io.text()).toMatch(/✓ signed POST: acknowledged with 200/);
    expect(code).toBe(0);
    const wrong = memoryIo();
    expect(
      await runCli(['doctor', 'webhook', '--channel', 'twitter-dm', '--url', url, '--secret', 'consumer'], wrong),
    ).toBe(1);
    expect(wrong.text()).toContain('response_token does not match');
  });
});
