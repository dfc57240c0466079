import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { memoryIo } from '../test-support/memory-io.js';

async function waitFor(text: () => string, needle: string): Promise<void> {
  await expect.poll(text, { timeout: 10_000 }).toContain(needle);
}

describe('loket dev', () => {
  it('starts on the given port, prints the console URL and each channel, and stops on Ctrl-C', async () => {
    const io = memoryIo();
    const running = runCli(['dev', '--port', '0', '--store', 'memory'], io);
    await waitFor(io.text, 'loket dev: console on http://localhost:');
    const url = /console on (http:\/\/localhost:\d+)/.exec(io.text())![1]!;
    expect((await fetch(url)).status).toBe(200);
    expect(io.text()).toMatch(
      /whatsapp\s+emulated \(Graph API emulator at http:\/\/127\.0\.0\.1:\d+\), webhook http:\/\/localhost:\d+\/webhooks\/whatsapp/,
    );
    io.stop();
    expect(await running).toBe(0);
  });

  it('talks to the real platform when the credentials are in the environment, and prints the URL to register', async () => {
    const env = {
      WHATSAPP_APP_SECRET: 'real-secret',
      WHATSAPP_VERIFY_TOKEN: 'real-token',
      WHATSAPP_ACCESS_TOKEN: 'EAAreal',
      WHATSAPP_PHONE_NUMBER_ID: '123456',
      LOKET_PUBLIC_URL: 'https://example.ngrok.app',
    };
    const io = memoryIo({ env });
    const running = runCli(['dev', '--port', '0', '--store', 'memory'], io);
    await waitFor(io.text, 'REAL platform');
    expect(io.text()).toContain('whatsapp  REAL platform: register https://example.ngrok.app/webhooks/whatsapp');
    expect(io.text()).not.toContain('loket simulate whatsapp');
    io.stop();
    expect(await running).toBe(0);
  });

  it('reads loket.config.json (channels and port)', async () => {
    const io = memoryIo();
    const config = {
      store: 'memory',
      publicUrl: 'https://tunnel.example',
      channels: { whatsapp: { appSecret: 's', verifyToken: 't', accessToken: 'a' } },
    };
    writeFileSync(join(io.cwd, 'loket.config.json'), JSON.stringify(config));
    const running = runCli(['dev', '--port', '0'], io);
    await waitFor(io.text, 'REAL platform');
    expect(io.text()).toContain('(config: loket.config.json)');
    expect(io.text()).toContain('register https://tunnel.example/webhooks/whatsapp');
    expect(io.text()).toContain('store    memory');
    io.stop();
    await running;
  });

  it('runs the handlers of loket.config.mjs instead of the echo', async () => {
    const io = memoryIo();
    const config = `export default {
      store: 'memory',
      setup(gateway) {
        gateway.on('message', async (event, ctx) => { await ctx.reply({ type: 'text', text: 'custom answer' }); });
      },
    };`;
    writeFileSync(join(io.cwd, 'loket.config.mjs'), config);
    const running = runCli(['dev', '--port', '0'], io);
    await waitFor(io.text, 'console on');
    const url = /console on (http:\/\/localhost:\d+)/.exec(io.text())![1]!;
    const sim = memoryIo();
    expect(await runCli(['simulate', 'whatsapp', 'hi', '--url', url], sim)).toBe(0);
    expect(sim.text()).toMatch(/sent\s+text "custom answer"/);
    expect(sim.text()).not.toContain('Echo');
    io.stop();
    await running;
  });

  it('stops on a half-configured channel and names the missing variables', async () => {
    const io = memoryIo({ env: { WHATSAPP_APP_SECRET: 's' } });
    expect(await runCli(['dev', '--port', '0', '--store', 'memory'], io)).toBe(2);
    expect(io.text()).toContain('whatsapp is half configured: WHATSAPP_VERIFY_TOKEN and WHATSAPP_ACCESS_TOKEN missing');
  });

  it('explains a config file that does not fit', async () => {
    const io = memoryIo();
    writeFileSync(join(io.cwd, 'loket.config.json'), JSON.stringify({ prot: 3000 }));
    expect(await runCli(['dev', '--port', '0'], io)).toBe(2);
    expect(io.text()).toContain('loket.config.json has unknown field(s) prot (did you mean port?)');
  });

  it('reports a misspelt channel option in the config file as unknown, with a suggestion', async () => {
    const io = memoryIo();
    const whatsapp = { appSecret: 'a', verifyToken: 'v', accesToken: 'EAAG' };
    writeFileSync(join(io.cwd, 'loket.config.json'), JSON.stringify({ channels: { whatsapp } }));
    expect(await runCli(['dev', '--port', '0', '--store', 'memory'], io)).toBe(2);
    expect(io.text()).toContain('unknown option accesToken in channels.whatsapp (did you mean accessToken?)');
    // All three given, one of them misspelt on top: the adapter itself refuses the unknown option.
    const extra = memoryIo();
    const typo = { appSecret: 'a', verifyToken: 'v', accessToken: 'EAAG', phoneNumberID: '1' };
    writeFileSync(join(extra.cwd, 'loket.config.json'), JSON.stringify({ channels: { whatsapp: typo } }));
    expect(await runCli(['dev', '--port', '0', '--store', 'memory'], extra)).toBe(2);
    expect(extra.text()).toContain('phoneNumberID is not an option of whatsapp({...}) (did you mean phoneNumberId?)');
  });

  it('says which port to use instead when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const io = memoryIo();
    try {
      expect(await runCli(['dev', '--port', String(port), '--store', 'memory'], io)).toBe(2);
      expect(io.text()).toContain(`port ${port} is in use: pass --port ${port + 1}`);
    } finally {
      blocker.close();
    }
  });

  it('keeps state in SQLite under .loket by default', async () => {
    const io = memoryIo();
    const running = runCli(['dev', '--port', '0'], io);
    await waitFor(io.text, 'store ');
    expect(io.text()).toContain(`store    sqlite ${join(io.cwd, '.loket', 'loket.db')}`);
    io.stop();
    await running;
  });
});
