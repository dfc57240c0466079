import { describe } from 'vitest';
import type { AdapterConformanceOptions } from './adapter-conformance-options.js';
import { declaredContentCases } from './declared-content-cases.js';
import { handshakeCases } from './handshake-cases.js';
import { hostileAnswerCases } from './hostile-answer-cases.js';
import { parseCases } from './parse-cases.js';
import { robustnessCases } from './robustness-cases.js';
import { sendCases } from './send-cases.js';
import { signatureCases } from './signature-cases.js';

/**
 * The shared suite every channel adapter runs (vitest): handshake, signatures (valid, tampered, missing, wrong secret,
 * re-serialized, malformed), every inbound fixture to exactly its events, stable and unique ids, batched deliveries,
 * unknown kinds and hostile bodies, send mapping against a local HTTP server, error mapping and capabilities, the
 * refusal of content the capabilities do not declare, and hostile platform answers (a 2xx without a message id,
 * 429s of any body, error texts that quote the adapter's secrets).
 *
 * @example
 * // packages/whatsapp/src/conformance.test.ts
 * import { describeAdapterConformance, loadFixtures, metaHandshake, metaSignature } from '@loket/testing';
 * import { whatsapp } from './index.js';
 *
 * describeAdapterConformance({
 *   channel: 'whatsapp',
 *   create: ({ apiBaseUrl }) =>
 *     whatsapp({ appSecret: 'app-secret', verifyToken: 'verify-token', accessToken: 'token', apiBaseUrl, graphVersion: 'v25.0' }),
 *   signature: metaSignature('app-secret'),
 *   handshake: metaHandshake('verify-token'),
 *   fixtures: loadFixtures('whatsapp'),
 * });
 */
export function describeAdapterConformance(options: AdapterConformanceOptions): void {
  describe(`${options.channel} adapter conformance`, () => {
    handshakeCases(options);
    signatureCases(options);
    parseCases(options);
    robustnessCases(options);
    sendCases(options);
    declaredContentCases(options);
    hostileAnswerCases(options);
  });
}
