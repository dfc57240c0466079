import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createEmulator, type Emulator } from '@loket/testing/kit';
import { afterEach, describe, expect, it } from 'vitest';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
let child: ChildProcess | undefined;
let emulator: Emulator | undefined;

afterEach(async () => {
  child?.kill('SIGTERM');
  await emulator?.close();
  emulator = undefined;
});

function start(env: Record<string, string>): Promise<{ url?: string; stderr: string; code?: number | null }> {
  child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', main], {
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve) => {
    child?.stdout?.on('data', (d: Buffer) => {
      const url = /listening on (http:\/\/\S+)\/webhooks\/whatsapp/.exec(d.toString())?.[1];
      if (url) resolve({ url, stderr });
    });
    child?.on('exit', (code) => resolve({ stderr, code }));
  });
}

describe('examples/whatsapp-echo', () => {
  it('echoes a customer text through the real pipeline', async () => {
    emulator = await createEmulator({ appSecret: 'echo-secret', verifyToken: 'echo-vt' });
    const { url, stderr } = await start({
      WHATSAPP_APP_SECRET: 'echo-secret',
      WHATSAPP_VERIFY_TOKEN: 'echo-vt',
      WHATSAPP_ACCESS_TOKEN: 'echo-token',
      WHATSAPP_API_BASE_URL: emulator.url,
    });
    expect(stderr).toBe('');
    emulator.gatewayUrl = url!;
    expect((await emulator.verifyWebhook()).status).toBe(200);
    const customer = emulator.customer({ phoneNumberId: '106540352242922', waId: '31612345678' });
    expect(await customer.say('Grüße 👋')).toBe(200);
    const [sent] = await emulator.waitForSent(1);
    expect(sent?.body).toMatchObject({ to: '+31612345678', type: 'text', text: { body: 'You said: Grüße 👋' } });
  });

  it('refuses to start without its secrets, naming the option', async () => {
    const { code, stderr } = await start({
      WHATSAPP_APP_SECRET: '',
      WHATSAPP_VERIFY_TOKEN: 'x',
      WHATSAPP_ACCESS_TOKEN: 'y',
    });
    expect(code).not.toBe(0);
    expect(stderr).toContain('appSecret');
    expect(stderr).toContain('CONFIG');
  });
});
