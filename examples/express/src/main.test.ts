import { fileURLToPath } from 'node:url';
import { type RunningExample, startExample, whatsappRoundTrip } from '@loket/example-framework-kit';
import { afterEach, describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('./main.ts', import.meta.url));
let example: RunningExample | undefined;
afterEach(() => example?.stop());

describe('examples/express (Express 5)', () => {
  it('answers a signed WhatsApp message while the rest of the app parses JSON', async () => {
    const trip = await whatsappRoundTrip((env) => startExample(entry, env), 'Hallo Express');
    example = trip.example;
    expect(trip).toMatchObject({ handshake: 200, ack: 200 });
    expect(trip.reply).toMatchObject({ type: 'text', text: { body: 'You said: Hallo Express' } });
    const api = await fetch(`${example.origin}/api/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ note: 'still parsed' }),
    });
    expect(await api.json()).toEqual({ received: { note: 'still parsed' } });
    expect(example.stderr()).toBe('');
  });
});
