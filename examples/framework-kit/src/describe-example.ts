import { afterEach, describe, expect, it } from 'vitest';
import { whatsappRoundTrip } from './round-trip.js';
import { type RunningExample, startExample } from './start-example.js';

/** What one framework example's test checks. */
export interface ExampleCase {
  /** The describe title, e.g. `examples/express (Express 5)`. */
  title: string;
  /** The test's name: how this framework gets the raw bytes to Loket. */
  how: string;
  /** The example's entry file (absolute path). */
  entry: string;
  /** The customer's text; the example's echo answers `You said: <greeting>`. */
  greeting: string;
  /** Started with `require` (a CommonJS app such as NestJS). */
  commonjs?: boolean;
}

/**
 * The test every framework example shares: a signed WhatsApp message in, the echo out through the emulator, the
 * app's own JSON route (`POST /api/echo`) still parsed, and nothing on stderr.
 */
export function describeExample(c: ExampleCase): void {
  let example: RunningExample | undefined;
  afterEach(() => example?.stop());

  describe(c.title, () => {
    it(c.how, async () => {
      const trip = await whatsappRoundTrip(
        (env) => startExample(c.entry, env, c.commonjs ? { commonjs: true } : {}),
        c.greeting,
      );
      example = trip.example;
      expect(trip).toMatchObject({ handshake: 200, ack: 200 });
      expect(trip.reply).toMatchObject({ type: 'text', text: { body: `You said: ${c.greeting}` } });
      const api = await fetch(`${example.origin}/api/echo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ note: 'still parsed' }),
      });
      expect(await api.json()).toEqual({ received: { note: 'still parsed' } });
      expect(example.stderr()).toBe('');
    });
  });
}
