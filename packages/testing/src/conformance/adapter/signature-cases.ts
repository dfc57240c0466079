import { describe, expect, it } from 'vitest';
import { toBytes, tryJson } from '../../signing/bytes.js';
import { webhookRequest } from '../../signing/webhook-request.js';
import type { AdapterConformanceOptions } from './adapter-conformance-options.js';
import { expectSignatureInvalid, NO_API, signedRequest, verifyOutcome } from './suite-helpers.js';

// Meta escapes non-ASCII as \uXXXX and signs those bytes; JSON.parse + JSON.stringify turns them back into UTF-8.
const ESCAPED = toBytes('{"object":"loket","entry":[],"note":"caf\\u00e9 \\ud83d\\ude00 \\u00fc\\/x"}');

function tamper(body: Uint8Array): Uint8Array {
  const copy = new Uint8Array(body);
  const at = Math.floor(copy.length / 2);
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
}

function reserialized(body: Uint8Array): Uint8Array | undefined {
  const value = tryJson(body);
  if (value === undefined) return undefined;
  const again = toBytes(JSON.stringify(value));
  return Buffer.from(again).equals(Buffer.from(body)) ? undefined : again;
}

/** Signatures: valid passes; tampered, missing, wrong-secret, re-serialized and malformed fail with SIGNATURE_INVALID. */
export function signatureCases(o: AdapterConformanceOptions): void {
  const adapter = () => o.create({ apiBaseUrl: NO_API });
  const bodies = [
    ...o.fixtures.inbound.map((f) => ({ name: f.name, body: f.body })),
    { name: 'escaped', body: ESCAPED },
  ];
  const scheme = o.signature;
  if (scheme === false) {
    describe('signature (the channel takes no webhooks)', () => {
      it('refuses every webhook request with SIGNATURE_INVALID, whatever it carries', async () => {
        for (const { name, body } of bodies) {
          expectSignatureInvalid(await verifyOutcome(adapter(), webhookRequest({ channel: o.channel, body })), name);
        }
      });
    });
    return;
  }

  describe('signature', () => {
    for (const { name, body } of bodies) {
      it(`accepts ${name} signed over its exact bytes`, async () => {
        const outcome = await verifyOutcome(adapter(), signedRequest(o, body));
        expect(outcome.error, 'a correctly signed body must verify').toBeUndefined();
      });
    }

    it('refuses a tampered body', async () => {
      for (const { name, body } of bodies) {
        const req = signedRequest(o, body);
        expectSignatureInvalid(await verifyOutcome(adapter(), { ...req, body: tamper(body) }), name);
      }
    });

    it('refuses a request without the signature header', async () => {
      for (const { name, body } of bodies) {
        expectSignatureInvalid(await verifyOutcome(adapter(), webhookRequest({ channel: o.channel, body })), name);
      }
    });

    it('refuses a body signed with another secret', async () => {
      for (const { name, body } of bodies) {
        const req = signedRequest(o, body, `${scheme.secret}-not`);
        expectSignatureInvalid(await verifyOutcome(adapter(), req), name);
      }
    });

    it('refuses a body re-serialized with JSON.parse/JSON.stringify after signing', async () => {
      let checked = 0;
      for (const { name, body } of bodies) {
        const again = reserialized(body);
        if (!again) continue;
        const req = signedRequest(o, body);
        expectSignatureInvalid(await verifyOutcome(adapter(), { ...req, body: again }), name);
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
    });

    it('refuses malformed signature values without crashing', async () => {
      const body = ESCAPED;
      const good = scheme.sign(body, scheme.secret);
      for (const [header, value] of Object.entries(good)) {
        const digest = value.slice(value.indexOf('=') + 1);
        const bad = [
          '',
          'sha256=',
          'sha256=00',
          `sha256=${'z'.repeat(digest.length)}`,
          `sha1=${digest}`,
          digest,
          `${value}00`,
          // Exact parsing: no case folding, no Unicode spaces trimmed (only SP / HTAB may surround a value).
          `${value.slice(0, value.indexOf('=') + 1)}${digest.toUpperCase()}`,
          `${value}\u00a0`,
          `\u00a0${value}`,
        ].filter((candidate) => candidate !== value);
        for (const candidate of bad) {
          const req = webhookRequest({ channel: o.channel, body, headers: { ...good, [header]: candidate } });
          expectSignatureInvalid(await verifyOutcome(adapter(), req), `${header}: "${candidate}"`);
        }
      }
    });
  });
}
