import { fileURLToPath } from 'node:url';
import { type RunningExample, startExample, whatsappRoundTrip } from '@loket/example-framework-kit';
import { afterEach, describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('./main.ts', import.meta.url));
let example: RunningExample | undefined;
afterEach(() => example?.stop());

describe('examples/nestjs (NestJS, CommonJS)', () => {
  it('loads Loket with require() and answers a signed WhatsApp message', async () => {
    const trip = await whatsappRoundTrip((env) => startExample(entry, env, { commonjs: true }), 'Hallo Nest');
    example = trip.example;
    expect(trip).toMatchObject({ handshake: 200, ack: 200 });
    expect(trip.reply).toMatchObject({ type: 'text', text: { body: 'You said: Hallo Nest' } });
    const api = await fetch(`${example.origin}/api/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ note: 'still parsed' }),
    });
    expect(await api.json()).toEqual({ received: { note: 'still parsed' } });
    expect(example.stderr()).toBe('');
  });
});
