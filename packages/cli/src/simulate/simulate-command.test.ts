import { afterEach, describe, expect, it } from 'vitest';
import type { DevServer } from '../dev/start-dev.js';
import { runCli } from '../cli/run-cli.js';
import { memoryIo } from '../test-support/memory-io.js';
import { type PlainGateway, startPlainGateway } from '../test-support/plain-gateway.js';
import { startTestDev } from '../test-support/test-dev.js';

const MESSENGER = '@loket/messenger';
const hasMessenger = await import(/* @vite-ignore */ MESSENGER).then(
  () => true,
  () => false,
);

let dev: DevServer | undefined;
let plain: PlainGateway | undefined;

afterEach(async () => {
  await dev?.close();
  await plain?.close();
  dev = undefined;
  plain = undefined;
});

describe('loket simulate', () => {
  it('sends a signed WhatsApp message to loket dev and prints the event, the reply and its statuses', async () => {
    dev = await startTestDev();
    const io = memoryIo();
    const code = await runCli(
      ['simulate', 'whatsapp', 'hello', 'there', '--url', dev.url, '--from', '31600000001'],
      io,
    );
    expect(code).toBe(0);
    const text = io.text();
    expect(text).toContain(`→ POST ${dev.url}/webhooks/whatsapp  whatsapp message from 31600000001`);
    expect(text).toContain('← 200 acknowledged');
    expect(text).toMatch(/inbound\s+text "hello there"/);
    expect(text).toMatch(/sent\s+text "Echo: hello there"/);
    expect(text).toMatch(/status\s+read/);
    expect(text).not.toMatch(/status\s+status/);
    // It went through the real pipeline: the gateway's store knows the customer wrote.
    const state = await dev.gateway.store.conversations.get({
      channel: 'whatsapp',
      account: '106540352242922',
      user: '31600000001',
    });
    expect(state?.lastInboundAt).toBeTypeOf('number');
  });

  it.skipIf(!hasMessenger)("sends Messenger's real shape when @loket/messenger is installed", async () => {
    dev = await startTestDev();
    const io = memoryIo();
    expect(await runCli(['simulate', 'messenger', 'hallo', '--url', dev.url, '--from', '6024758190000001'], io)).toBe(
      0,
    );
    expect(io.text()).toContain('← 200 acknowledged');
    expect(io.text()).toMatch(/inbound\s+text "hallo"/);
    expect(io.text()).toMatch(/sent\s+text "Echo: hallo"/);
  });

  it('signs with --secret for a gateway that is not loket dev, which handles the real WhatsApp shape', async () => {
    plain = await startPlainGateway('their-secret');
    const io = memoryIo();
    expect(
      await runCli(
        ['simulate', 'whatsapp', 'café ☕', '--url', plain.url, '--secret', 'their-secret', '--name', 'Ada'],
        io,
      ),
    ).toBe(0);
    expect(io.text()).toContain('← 200 acknowledged');
    expect(io.text()).toContain('not a loket dev server');
    await expect.poll(() => plain!.events.length).toBeGreaterThan(0);
    expect(plain.events[0]).toMatchObject({
      type: 'message',
      content: { type: 'text', text: 'café ☕' },
      from: { name: 'Ada' },
    });
  });

  it('takes the secret from WHATSAPP_APP_SECRET', async () => {
    plain = await startPlainGateway('env-secret');
    const io = memoryIo({ env: { WHATSAPP_APP_SECRET: 'env-secret' } });
    expect(await runCli(['simulate', 'whatsapp', 'hi', '--url', plain.url, '--wait', '0'], io)).toBe(0);
  });

  it('says what to do when the gateway refuses the signature, and exits 1', async () => {
    plain = await startPlainGateway('their-secret');
    const io = memoryIo();
    expect(await runCli(['simulate', 'whatsapp', 'hi', '--url', plain.url], io)).toBe(1);
    expect(io.text()).toContain('← 401 refused: signature invalid');
    expect(io.text()).toContain('pass --secret or set WHATSAPP_APP_SECRET');
  });

  it('says when nothing answers', async () => {
    const io = memoryIo();
    expect(await runCli(['simulate', 'whatsapp', 'hi', '--url', 'http://127.0.0.1:9'], io)).toBe(1);
    expect(io.text()).toContain('could not be reached');
  });

  it('refuses an unknown channel with the known ones', async () => {
    const io = memoryIo();
    expect(await runCli(['simulate', 'telegram', 'hi'], io)).toBe(2);
    expect(io.text()).toContain('use one of whatsapp, messenger, instagram');
  });
});
