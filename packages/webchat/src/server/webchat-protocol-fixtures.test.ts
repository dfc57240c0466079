import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebchat, type TestGateway } from './test-gateway.js';

// The protocol fixtures in @loket/testing are what clients (ours and others') are written against: each route's
// answer here must have exactly the fixture's shape (same keys, same types), status included.
const dir = fileURLToPath(new URL('../../../testing/fixtures/webchat/protocol/', import.meta.url));
const ORDER = [
  'session-anonymous',
  'messages-created',
  'messages-replayed',
  'typing',
  'receipts',
  'events',
  'stream-ticket',
  'error-unauthorized',
  'error-origin',
];

interface RouteFixture {
  request: { method: string; path: string; headers?: Record<string, string>; body?: unknown };
  response: { status: number; body: unknown };
}

function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [] : [shape(value[0])];
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, shape(v)]),
    );
  }
  return typeof value;
}

let t: TestGateway;
let credential = '';
beforeAll(async () => {
  t = await startWebchat();
});
afterAll(() => t.close());

describe('web chat protocol fixtures', () => {
  for (const name of ORDER) {
    it(`${name}: the server answers the fixture's status and shape`, async () => {
      const f = JSON.parse(readFileSync(`${dir}${name}.json`, 'utf8')) as RouteFixture;
      const headers = Object.fromEntries(
        Object.entries(f.request.headers ?? {}).map(([k, v]) => [k, v.replace('$credential', credential)]),
      );
      const init: RequestInit = { method: f.request.method, headers };
      if (f.request.body !== undefined) init.body = JSON.stringify(f.request.body);
      const answer = await fetch(`${t.url}${f.request.path}`, init);
      const body = await answer.json();
      if (name === 'session-anonymous') credential = body.credential;
      expect(answer.status).toBe(f.response.status);
      expect(shape(body)).toEqual(shape(f.response.body));
    });
  }

  it('frames.json names every server and client frame type', () => {
    const frames = JSON.parse(readFileSync(`${dir}frames.json`, 'utf8')) as {
      server: { t: string; e?: { kind: string } }[];
      client: { t: string }[];
    };
    expect(new Set(frames.server.map((f) => f.t))).toEqual(new Set(['event', 'ready', 'reset', 'typing', 'hb']));
    expect(new Set(frames.server.flatMap((f) => (f.e ? [f.e.kind] : [])))).toEqual(
      new Set(['message', 'receipt', 'conversation', 'availability']),
    );
    expect(frames.client.map((f) => f.t)).toEqual(['resume', 'ping']);
  });
});
