import { describe, expect, it } from 'vitest';
import { webhookRequest } from '../../signing/webhook-request.js';
import type { AdapterConformanceOptions } from './adapter-conformance-options.js';
import { NO_API, signedRequest } from './suite-helpers.js';

/** Subscription checks: the right one answered with the challenge, wrong ones refused, others left alone. */
export function handshakeCases(o: AdapterConformanceOptions): void {
  const adapter = () => o.create({ apiBaseUrl: NO_API });
  if (o.handshake === false) {
    describe('handshake (the channel has none)', () => {
      it('answers undefined for every request', () => {
        const first = o.fixtures.inbound[0];
        const requests = [
          webhookRequest({ method: 'GET', channel: o.channel }),
          webhookRequest({
            method: 'GET',
            url: `http://localhost/webhooks/${o.channel}?hub.mode=subscribe&hub.challenge=1&crc_token=x`,
          }),
          ...(first ? [signedRequest(o, first.body)] : []),
        ];
        for (const request of requests) expect(adapter().handshake(request), request.url).toBeUndefined();
      });
    });
    return;
  }
  const cases = o.handshake;
  const { valid, invalid } = cases;

  describe('handshake', () => {
    it('answers a valid subscription check with 200 and exactly the expected body', () => {
      const reply = adapter().handshake(valid.request);
      expect(reply?.status).toBe(200);
      expect(reply?.body).toBe(valid.body);
    });

    invalid.forEach((request, i) => {
      it(`refuses invalid check #${i + 1} (${new URL(request.url).search}) with a non-200 reply`, () => {
        const reply = adapter().handshake(request);
        expect(reply, 'an invalid check is still a check: answer it, with an error status').toBeDefined();
        expect(reply?.status).not.toBe(200);
        expect(reply?.body).not.toBe(valid.body);
      });
    });

    it('answers undefined for requests that are no subscription check', () => {
      const first = o.fixtures.inbound[0];
      const others = cases.notHandshake ?? [
        webhookRequest({ method: 'GET', channel: o.channel }),
        ...(first ? [signedRequest(o, first.body)] : []),
      ];
      for (const request of others) {
        expect(adapter().handshake(request), `${request.method} ${request.url}`).toBeUndefined();
      }
    });
  });
}
