import { type ChannelAdapter, LoketError } from '@loket/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SendFixture } from '../../fixtures/fixture-schemas.js';
import { type CaptureResponse, type CaptureServer, startCaptureServer } from '../../http/capture-server.js';
import type { AdapterConformanceOptions } from './adapter-conformance-options.js';
import { allPaths, getAt, setAt } from './json-paths.js';
import { messageIdCandidates } from './message-ids.js';

async function sendOutcome(adapter: ChannelAdapter, f: SendFixture): Promise<unknown> {
  return adapter.send(f.message).then(
    () => undefined,
    (err: unknown) => err,
  );
}

/** The response with every string in its body followed by `text` (a platform quoting what it was sent). */
function quoting(response: CaptureResponse, text: string): CaptureResponse {
  let body = response.body;
  if (typeof body === 'string') return { ...response, body: `${body} ${text}` };
  for (const path of allPaths(body)) {
    const value = getAt(body, path);
    if (typeof value === 'string') body = setAt(body, path, `${value} ${text}`);
  }
  return { ...response, body };
}

/** Platform answers a tester would send: unconfirmed sends, odd 429s, error texts that quote the secrets. */
export function hostileAnswerCases(o: AdapterConformanceOptions): void {
  if (o.sendsOverHttp === false) return;
  const messageSends = o.fixtures.send.filter((f) => messageIdCandidates(f.response.body).length > 0);
  const errors = Object.values(o.fixtures.api).filter((f) => f.expectedError !== undefined);
  const secrets = o.secrets ?? (o.signature ? [o.signature.secret] : []);

  describe('hostile platform answers', () => {
    let server: CaptureServer;
    let adapter: ChannelAdapter;
    beforeAll(async () => {
      server = await startCaptureServer();
      adapter = o.create({ apiBaseUrl: server.url });
    });
    afterAll(() => server.close());

    it('treats a 2xx without a message id as PLATFORM_ERROR, never as a send (sender actions aside)', async () => {
      expect(messageSends.length).toBeGreaterThan(0);
      for (const f of messageSends) {
        for (const body of [{}, '', 'ok']) {
          server.respond({ status: 200, body });
          const error = await sendOutcome(adapter, f);
          expect(LoketError.is(error), `${f.name} answered ${JSON.stringify(body)}: resolved`).toBe(true);
          expect((error as LoketError).code, f.name).toBe('PLATFORM_ERROR');
        }
      }
    });

    it('codes a 429 RATE_LIMITED whatever its body', async () => {
      const f = messageSends[0];
      expect(f).toBeDefined();
      for (const body of ['', 'Too Many Requests', '<html></html>', { unexpected: true }]) {
        server.respond({ status: 429, body });
        const error = await sendOutcome(adapter, f as SendFixture);
        expect(LoketError.is(error), `429 ${JSON.stringify(body)}`).toBe(true);
        expect((error as LoketError).code, `429 ${JSON.stringify(body)}`).toBe('RATE_LIMITED');
        expect((error as LoketError).retryable).toBe(true);
      }
    });

    it("keeps its configured secrets out of errors, even when the platform's text quotes them", async () => {
      const probe = messageSends[0] ?? o.fixtures.send[0];
      expect(probe).toBeDefined();
      const leaks: string[] = [];
      for (const f of errors) {
        server.respond(quoting(f.response, `Malformed access token ${secrets.join(' and ')}`));
        const error = await sendOutcome(adapter, probe as SendFixture);
        const seen = LoketError.is(error) ? `${error.message} ${JSON.stringify(error.toJSON())}` : String(error);
        for (const secret of secrets) if (seen.includes(secret)) leaks.push(`${f.name}: ${seen.slice(0, 200)}`);
      }
      expect(leaks).toEqual([]);
    });
  });
}
