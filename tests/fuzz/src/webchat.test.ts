import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createGateway, type Gateway, type InboundEvent, memoryStore } from '@loket/core';
import { webchatClient } from '@loket/testing';
import { webchat } from '@loket/webchat';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogger } from './capture-logger.js';
import { FUZZ_RUNS } from './fuzz-adapter.js';
import { mutantsOf } from './mutations.js';

// The web chat has no signed webhooks: its "platform" is the browser. What gets fuzzed is what a browser sends:
// every request body of the protocol fixtures, on its own route with a valid credential, and the client's frames.
const SECRET = 'fuzz-webchat-identity-secret-6f1a9c';
const ORIGIN = 'https://shop.fuzz.test';
const PROTOCOL = fileURLToPath(new URL('../../../packages/testing/fixtures/webchat/protocol/', import.meta.url));
// What a route may answer a customer's request; never a 5xx.
const ALLOWED = new Set([200, 201, 400, 404, 409, 413, 415, 429]);
const RUNS = FUZZ_RUNS * 10;

interface BodyFixture {
  name: string;
  method: string;
  route: string;
  body: unknown;
}

function requestFixtures(): BodyFixture[] {
  return readdirSync(PROTOCOL)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ name: f, json: JSON.parse(readFileSync(PROTOCOL + f, 'utf8')) }))
    .filter(({ json }) => json.request?.body !== undefined && json.request.headers?.authorization)
    .filter(({ json }) => !String(json.request.path).endsWith('/session'))
    .map(({ name, json }) => ({
      name,
      method: json.request.method,
      route: String(json.request.path).replace(/^\/webchat\/v1\//, ''),
      body: json.request.body,
    }));
}

let gateway: Gateway;
let server: Server;
let url: string;
const events: InboundEvent[] = [];
const { logger, lines, errorLines } = captureLogger();

beforeAll(async () => {
  gateway = createGateway({
    channels: [
      webchat({
        identitySecret: SECRET,
        allowedOrigins: [ORIGIN],
        limits: { messagesPerMinute: 1_000_000, sessionsPerMinute: 1_000_000 },
      }),
    ],
    store: memoryStore(),
    logger,
    worker: { pollMs: 5, retry: { attempts: 1 } },
  });
  gateway.on('*', (event) => {
    events.push(event);
  });
  server = createServer();
  gateway.attach(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await gateway.start();
});

afterAll(async () => {
  await gateway.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function drained(): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    const stats = await gateway.store.inbox.stats();
    if (stats.pending === 0 && stats.leased === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error('the worker did not finish the request');
}

describe(`webchat fuzz (${RUNS} runs per route)`, () => {
  const fixtures = requestFixtures();

  it('has request bodies to mutate', () => {
    expect(fixtures.map((f) => f.route).sort()).toEqual(expect.arrayContaining(['messages', 'receipts', 'typing']));
  });

  for (const fixture of fixtures) {
    it(`${fixture.name}: mutants get a 2xx or 4xx, never a crash; a stored message reaches the handlers`, async () => {
      const client = webchatClient({ url, origin: ORIGIN });
      expect((await client.session()).status).toBe(200);
      await fc.assert(
        fc.asyncProperty(mutantsOf(fixture.body), async (mutant) => {
          const before = events.length + (await gateway.deadLetters()).length;
          const answer = await client.request(fixture.method, fixture.route, JSON.stringify(mutant));
          expect(ALLOWED.has(answer.status), `${answer.status}: ${JSON.stringify(answer.body)}`).toBe(true);
          await drained();
          if (fixture.route === 'messages' && answer.status === 201) {
            expect(events.length + (await gateway.deadLetters()).length).toBeGreaterThan(before);
          }
          expect(errorLines).toEqual([]);
          expect(lines.filter((l) => l.includes(SECRET))).toEqual([]);
        }),
        { numRuns: RUNS, seed: 20261202 },
      );
    });
  }

  it('client frames: any mutant is ignored or closes the socket with a code, and the server stays up', async () => {
    const frames = JSON.parse(readFileSync(`${PROTOCOL}frames.json`, 'utf8')) as { client: unknown[] };
    const client = webchatClient({ url, origin: ORIGIN });
    await client.session();
    const open = async () => {
      const s = await client.stream();
      await s.frames.next((f) => f.t === 'ready');
      return s;
    };
    let stream = await open();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...frames.client).chain(mutantsOf), async (mutant) => {
        stream.send(mutant as Record<string, unknown>);
        stream.send({ t: 'ping' });
        // Either the bad frame was ignored (the connection still answers a ping) or it closed the socket with a
        // code that says why (1009: a frame over frameBytes).
        const outcome = await Promise.race([
          stream.frames.next((f) => f.t === 'hb').then(() => 'answered' as const),
          stream.closed.then((code) => code),
        ]);
        if (outcome !== 'answered') {
          expect(outcome).toBe(1009);
          stream = await open();
        }
        expect(errorLines).toEqual([]);
      }),
      { numRuns: RUNS, seed: 20261202 },
    );
    await stream.close();
  });
});
