import { metaHandshakeRequest } from '../../signing/meta-requests.js';
import { signMeta, signX } from '../../signing/signers.js';
import { webhookRequest } from '../../signing/webhook-request.js';
import { type XSignatureHeader, xCrcRequest } from '../../signing/x-requests.js';
import type { HandshakeCases, SignatureScheme } from './adapter-conformance-options.js';

/**
 * Meta's `X-Hub-Signature-256` scheme, for WhatsApp, Messenger and Instagram conformance runs.
 *
 * @example
 * describeAdapterConformance({ ..., signature: metaSignature('app-secret') });
 */
export function metaSignature(appSecret: string): SignatureScheme {
  return { secret: appSecret, sign: (body, secret) => ({ 'x-hub-signature-256': signMeta(body, secret) }) };
}

/**
 * X's webhook signature scheme (`sha256=<base64>`), in the legacy header unless told otherwise.
 *
 * @example
 * describeAdapterConformance({ ..., signature: xSignature('consumer-secret') });
 */
export function xSignature(secret: string, header: XSignatureHeader = 'x-twitter-webhooks-signature'): SignatureScheme {
  return { secret, sign: (body, s) => ({ [header]: signX(body, s) }) };
}

/**
 * Meta's `hub.challenge` cases for an adapter created with `verifyToken`: the right token is answered with the
 * challenge; a wrong token, an empty token and a mode other than `subscribe` are refused.
 *
 * @example
 * describeAdapterConformance({ ..., handshake: metaHandshake('verify-token') });
 */
export function metaHandshake(verifyToken: string, url?: string): HandshakeCases {
  const challenge = '1158201444';
  return {
    valid: { request: metaHandshakeRequest({ verifyToken, challenge, url }), body: challenge },
    invalid: [
      metaHandshakeRequest({ verifyToken: `${verifyToken}-wrong`, challenge, url }),
      metaHandshakeRequest({ verifyToken: '', challenge, url }),
      metaHandshakeRequest({ verifyToken, challenge, mode: 'unsubscribe', url }),
    ],
  };
}

/**
 * X's CRC cases: `GET ?crc_token=` is answered with `{"response_token":"sha256=<base64 HMAC of the token>"}`; an
 * empty token and one that is not a plain token are refused.
 *
 * @example
 * describeAdapterConformance({ ..., handshake: xHandshake('consumer-secret') });
 */
export function xHandshake(secret: string, url?: string): HandshakeCases {
  const crcToken = 'loket-conformance-crc';
  return {
    valid: {
      request: xCrcRequest({ crcToken, url }),
      body: JSON.stringify({ response_token: signX(crcToken, secret) }),
    },
    // An empty token, and a token that is a JSON body: answering it would sign that body (a signing oracle).
    invalid: [xCrcRequest({ crcToken: '', url }), xCrcRequest({ crcToken: '{"for_user_id":"1"}', url })],
    notHandshake: [webhookRequest({ method: 'GET', url: url ?? 'http://localhost/webhooks/twitter-dm' })],
  };
}
