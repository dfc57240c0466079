import {
  type ChannelAdapter,
  capabilitiesSchema,
  LoketError,
  type OutboundMessage,
  sendReceiptSchema,
} from '@loket/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiFixture, SendFixture } from '../../fixtures/fixture-schemas.js';
import { type CaptureServer, startCaptureServer } from '../../http/capture-server.js';
import type { AdapterConformanceOptions } from './adapter-conformance-options.js';
import { messageIdCandidates } from './message-ids.js';

/** The message an error fixture is probed with: the send fixture of the same request, else the first text send. */
function probeFor(api: ApiFixture, sends: SendFixture[]): OutboundMessage | undefined {
  const same = sends.find((s) => s.request.method === api.request?.method && s.request.path === api.request?.path);
  return (same ?? sends.find((s) => s.message.content.type === 'text') ?? sends[0])?.message;
}

/** Send mapping (message in → the exact request out, receipt from the answer), error mapping, capabilities. */
export function sendCases(o: AdapterConformanceOptions): void {
  let server: CaptureServer;
  let adapter: ChannelAdapter;
  const errors = Object.values(o.fixtures.api).filter((f) => f.expectedError !== undefined);

  describe('capabilities', () => {
    it('declares its channel and capabilities that pass capabilitiesSchema', () => {
      const a = o.create({ apiBaseUrl: 'http://127.0.0.1:9' });
      expect(a.channel).toBe(o.channel);
      const parsed = capabilitiesSchema.safeParse(a.capabilities);
      expect(parsed.error?.message).toBeUndefined();
    });
  });

  if (o.sendsOverHttp === false) return;

  describe('send', () => {
    beforeAll(async () => {
      server = await startCaptureServer();
      adapter = o.create({ apiBaseUrl: server.url });
    });
    afterAll(() => server.close());

    it('has send fixtures to check', () => {
      expect(o.fixtures.send.length).toBeGreaterThan(0);
    });

    for (const f of o.fixtures.send) {
      it(`${f.name}: makes exactly the recorded request and returns the answer's message id`, async () => {
        server.requests.length = 0;
        server.respond(f.response);
        const receipt = await adapter.send(f.message);
        expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`${f.request.method} ${f.request.path}`]);
        // `body: null` in a fixture: a request without a body (X's v1.1 typing and read endpoints take a query).
        expect(server.requests[0]?.json ?? null).toEqual(f.request.body);
        expect(sendReceiptSchema.safeParse(receipt).error?.message).toBeUndefined();
        expect(receipt.conversation).toEqual(f.message.to);
        const candidates = messageIdCandidates(f.response.body);
        if (candidates.length > 0) expect(candidates).toContain(receipt.messageId);
      });
    }

    for (const f of errors) {
      it(`${f.name}: maps the platform's answer to ${f.expectedError?.code}`, async () => {
        const message = probeFor(f, o.fixtures.send);
        expect(message, 'error mapping needs a send fixture to probe with').toBeDefined();
        server.requests.length = 0;
        server.respond(f.response);
        const error = await adapter.send(message as OutboundMessage).then(
          () => undefined,
          (err: unknown) => err,
        );
        expect(server.requests.length, 'the error must come from the platform answer').toBeGreaterThan(0);
        expect(LoketError.is(error), `send must reject with a LoketError, got ${String(error)}`).toBe(true);
        const expected = f.expectedError ?? {};
        const actual = Object.fromEntries(
          Object.keys(expected).map((k) => [k, (error as LoketError)[k as keyof LoketError]]),
        );
        expect(actual).toEqual(expected);
      });
    }
  });
}
