import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type RunningExample, startExample, whatsappRoundTrip } from '@loket/example-framework-kit';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const dir = fileURLToPath(new URL('..', import.meta.url));
const serve = fileURLToPath(new URL('./serve.ts', import.meta.url));
let example: RunningExample | undefined;
afterEach(() => example?.stop());

beforeAll(() => {
  execFileSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'pipe',
  });
}, 240_000);

describe('examples/nextjs (App Router route handler)', () => {
  it('answers a signed WhatsApp message through app/webhooks/[channel]/route.ts', async () => {
    const trip = await whatsappRoundTrip((env) => startExample(serve, env), 'Hallo Next.js');
    example = trip.example;
    expect(trip).toMatchObject({ handshake: 200, ack: 200 });
    expect(trip.reply).toMatchObject({ type: 'text', text: { body: 'You said: Hallo Next.js' } });
  });
});
