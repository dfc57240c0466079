import {
  type ChannelAdapter,
  createGateway,
  type Gateway,
  type InboundEvent,
  inboundEventSchema,
  LoketError,
  memoryStore,
} from '@loket/core';
import type { Fixtures, SignatureScheme } from '@loket/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { captureLogger } from './capture-logger.js';
import { mutantsOf } from './mutations.js';

/** What `fuzzAdapter` needs: the adapter, its recorded fixtures, how its platform signs, and its secrets. */
export interface FuzzTarget {
  /** Builds the adapter under test (sends go to `apiBaseUrl`, where nothing listens: inbound never calls out). */
  create(options: { apiBaseUrl: string }): ChannelAdapter;
  fixtures: Fixtures;
  signature: SignatureScheme;
  /** Every secret the adapter was created with: none may appear in an answer, a log line, an error or an event. */
  secrets: string[];
  /**
   * How a mutant body reaches the gateway. Default: a POST to `/webhooks/<channel>` signed with `signature`. A
   * channel with routes of its own (the web chat's `/webchat/...`, with a token instead of a signature) passes its
   * builder here; the properties stay the same.
   */
  request?(body: Uint8Array, channel: string): Request;
}

function defaultRequest(target: FuzzTarget, body: Uint8Array, channel: string): Request {
  const headers = { 'content-type': 'application/json', ...target.signature.sign(body, target.signature.secret) };
  return new Request(`http://fuzz.test/webhooks/${channel}`, { method: 'POST', headers, body: new Uint8Array(body) });
}

/** Runs per fixture: `LOKET_FUZZ_RUNS` (the long `npm run fuzz`), else a bounded number for `npm test`. */
export const FUZZ_RUNS = Number(process.env.LOKET_FUZZ_RUNS ?? 3);
/** The bounded run is the same every time (a fixed seed); the long run explores (fast-check's random seed). */
const SEED = process.env.LOKET_FUZZ_RUNS === undefined ? 20261202 : undefined;
const settings = (numRuns: number) => ({ numRuns, ...(SEED === undefined ? {} : { seed: SEED }) });

const NO_API = 'http://127.0.0.1:9';
// What a gateway may answer a signed webhook: taken, refused as malformed or too large, or "retry later".
const ALLOWED_STATUSES = new Set([200, 400, 401, 413, 503]);

interface Run {
  gateway: Gateway;
  events: InboundEvent[];
  lines: string[];
  errorLines: string[];
}

function startRun(target: FuzzTarget): Run {
  const { logger, lines, errorLines } = captureLogger();
  const gateway = createGateway({
    channels: [target.create({ apiBaseUrl: NO_API })],
    store: memoryStore(),
    logger,
    worker: { pollMs: 5, retry: { attempts: 1 } },
  });
  const events: InboundEvent[] = [];
  gateway.on('*', (event) => {
    events.push(event);
  });
  return { gateway, events, lines, errorLines };
}

async function drained(gateway: Gateway): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    const stats = await gateway.store.inbox.stats();
    if (stats.pending === 0 && stats.leased === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error('the worker did not finish the request');
}

function leaks(texts: string[], secrets: string[]): string[] {
  return secrets.filter((secret) => texts.some((text) => text.includes(secret)));
}

/** Signs `bytes` as the platform would and pushes them through a fresh gateway; checks every property. */
async function pushThrough(target: FuzzTarget, channel: string, bytes: Uint8Array): Promise<void> {
  const run = startRun(target);
  try {
    const request = target.request ? target.request(bytes, channel) : defaultRequest(target, bytes, channel);
    const res = await run.gateway.fetch(request);
    const answer = await res.text();
    expect(ALLOWED_STATUSES.has(res.status), `status ${res.status}: ${answer}`).toBe(true);
    if (res.status === 200) {
      await run.gateway.start();
      await drained(run.gateway);
      const dead = await run.gateway.deadLetters();
      // Every accepted request ends as events (an `unsupported` one at least) or a dead letter.
      expect(run.events.length + dead.length, 'an accepted request left no trace').toBeGreaterThan(0);
      for (const event of run.events) expect(inboundEventSchema.safeParse(event).error).toBeUndefined();
      const texts = [answer, ...run.lines, ...run.events.map((e) => JSON.stringify(e)), ...dead.map((d) => d.error)];
      expect(leaks(texts, target.secrets)).toEqual([]);
    }
    // Never a crash: an adapter bug would be logged at error level as a wrapped, non-Loket failure.
    expect(run.errorLines.filter((line) => !line.includes('the request went to the dead letters'))).toEqual([]);
  } finally {
    await run.gateway.close();
  }
}

/** Parses `bytes` with the adapter itself: events that pass the schema, or a LoketError, nothing else. */
function parseDirectly(target: FuzzTarget, channel: string, bytes: Uint8Array): void {
  const adapter = target.create({ apiBaseUrl: NO_API });
  try {
    const events = adapter.parse({
      method: 'POST',
      url: `http://fuzz.test/webhooks/${channel}`,
      headers: new Headers(),
      body: bytes,
    });
    expect(Array.isArray(events)).toBe(true);
    for (const event of events) expect(inboundEventSchema.safeParse(event).error).toBeUndefined();
  } catch (err) {
    expect(LoketError.is(err), `parse threw a non-LoketError: ${String(err)}`).toBe(true);
    expect(leaks([(err as LoketError).message, JSON.stringify((err as LoketError).toJSON())], target.secrets)).toEqual(
      [],
    );
  }
}

/**
 * The fuzz suite for one adapter (vitest + fast-check): for every inbound fixture, structure-aware mutants
 * (string leaves turned into numbers, arrays, objects or null; arrays emptied or multiplied; nodes removed;
 * unicode edge cases), signed like the platform signs them and pushed through a real gateway. Properties: never a
 * crash or an untyped error, every accepted request ends as events or a dead letter, no secret in any answer,
 * log line, event or error. Signature headers are fuzzed too: anything but the platform's signature is a 401 and
 * nothing is stored. Adding an adapter is one call.
 *
 * @example
 * fuzzAdapter({ create: ({ apiBaseUrl }) => whatsapp({ ...secrets, apiBaseUrl }), fixtures: loadFixtures('whatsapp'),
 *   signature: metaSignature(secrets.appSecret), secrets: Object.values(secrets) });
 */
export function fuzzAdapter(target: FuzzTarget): void {
  const channel = target.create({ apiBaseUrl: NO_API }).channel;
  describe(`${channel} fuzz (${FUZZ_RUNS} runs per fixture)`, () => {
    it('has fixtures to mutate', () => {
      expect(target.fixtures.inbound.length).toBeGreaterThan(0);
    });

    for (const fixture of target.fixtures.inbound) {
      it(`${fixture.name}: mutants never crash, always leave a trace, never leak a secret`, async () => {
        const document = JSON.parse(new TextDecoder().decode(fixture.body)) as unknown;
        await fc.assert(
          fc.asyncProperty(mutantsOf(document), async (mutant) => {
            const bytes = new TextEncoder().encode(JSON.stringify(mutant));
            parseDirectly(target, channel, bytes);
            await pushThrough(target, channel, bytes);
          }),
          settings(FUZZ_RUNS),
        );
      });
    }

    it('refuses every forged or malformed signature header with 401 and stores nothing', async () => {
      const fixture = target.fixtures.inbound[0];
      expect(fixture).toBeDefined();
      const body = (fixture as { body: Uint8Array }).body;
      const names = Object.keys(target.signature.sign(body, target.signature.secret));
      const good = target.signature.sign(body, target.signature.secret);
      const forged = fc.oneof(
        fc.string({ unit: 'binary-ascii', maxLength: 120 }),
        fc.constantFrom(...Object.values(good)).chain((value) =>
          fc.oneof(
            fc.constant(value.toUpperCase()),
            fc.constant(`${value}\u00a0`),
            fc
              .nat({ max: Math.max(0, value.length - 1) })
              .map((i) => `${value.slice(0, i)}${value[i] === 'a' ? 'b' : 'a'}${value.slice(i + 1)}`),
          ),
        ),
      );
      // Refused requests leave nothing behind, so one gateway serves every run of this property.
      const run = startRun(target);
      try {
        await fc.assert(
          fc.asyncProperty(forged, async (value) => {
            fc.pre(!Object.values(good).includes(value));
            const headers = Object.fromEntries(names.map((n) => [n, value.replace(/[\r\n\0]/g, '')]));
            const res = await run.gateway.fetch(
              new Request(`http://fuzz.test/webhooks/${channel}`, {
                method: 'POST',
                headers,
                body: new Uint8Array(body),
              }),
            );
            expect(res.status).toBe(401);
            expect((await run.gateway.store.inbox.stats()).pending).toBe(0);
            expect(leaks([await res.text(), ...run.lines], target.secrets)).toEqual([]);
          }),
          settings(FUZZ_RUNS * 4),
        );
      } finally {
        await run.gateway.close();
      }
    });
  });
}
