import { createHmac } from 'node:crypto';
import type { SignatureScheme } from '../channels/known-channels.js';
import { bodyVariants } from './signature-variants.js';
import { xSecretHints } from './x-secret-hint.js';

/** Why a signature does not match. */
export type SignatureCause =
  | 'wrong-secret'
  | 'secret-whitespace'
  | 'unicode-escapes-lost'
  | 're-encoded-body'
  | 'trailing-newline'
  | 'hex-vs-base64'
  | 'missing-prefix'
  | 'other-header'
  | 'swapped-secret'
  | 'malformed';

/** What `loket doctor signature` found. */
export interface SignatureDiagnosis {
  matches: boolean;
  /** The header the platform signs with. */
  header: string;
  /** The value a correct signature has for these bytes and this secret. */
  expected: string;
  cause?: SignatureCause;
  /** What is wrong and what to do, in sentences. */
  explanation: string[];
}

/** Input of {@link diagnoseSignature}. */
export interface SignatureCase {
  scheme: SignatureScheme;
  secret: string;
  /** The body exactly as the verifying code saw it. */
  body: Uint8Array;
  /** The header value received (a pasted `Header: value` line works too). */
  signature: string;
  /** X: the app's other secret (client vs consumer), to tell a swapped pair from a wrong secret. */
  otherSecret?: string;
}

const mac = (alg: 'sha256' | 'sha1', secret: string, body: Uint8Array): Buffer =>
  createHmac(alg, secret).update(body).digest();
const HEADERS: Record<SignatureScheme, string> = { meta: 'X-Hub-Signature-256', x: 'X-Twitter-Webhooks-Signature' };
const RAW_BODY_FIX =
  'verify over the raw request bytes before any JSON parsing (Express: express.raw({ type: "application/json" }) on the webhook route, or mount gateway.node before body parsers)';

/** The digest part of a value, in either encoding, compared with a digest. */
function sameDigest(value: string, digest: Buffer, encoding: 'hex' | 'base64'): boolean {
  return encoding === 'hex' ? value.toLowerCase() === digest.toString('hex') : value === digest.toString('base64');
}

/**
 * Checks a webhook signature over exact bytes and, when it does not match, names the likely cause: a body altered
 * after it arrived (escaped unicode lost, re-serialized, a trailing newline), hex vs base64, a missing `sha256=`,
 * the legacy SHA-1 header, whitespace in the secret, or (when nothing else explains it) the wrong secret.
 *
 * @example
 * diagnoseSignature({ scheme: 'meta', secret, body, signature: 'sha256=ab12...' }).explanation.join('\n');
 */
export function diagnoseSignature(input: SignatureCase): SignatureDiagnosis {
  const encoding = input.scheme === 'meta' ? 'hex' : 'base64';
  const other = encoding === 'hex' ? 'base64' : 'hex';
  const header = HEADERS[input.scheme];
  const digest = mac('sha256', input.secret, input.body);
  const expected = `sha256=${digest.toString(encoding)}`;
  const pasted = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(input.signature.trim());
  const value = (pasted ? pasted[2]! : input.signature).trim();
  const prefix = /^(sha256|sha1)=/i.exec(value)?.[1]?.toLowerCase();
  const rest = prefix ? value.slice(prefix.length + 1) : value;
  const result = (cause: SignatureCause | undefined, ...explanation: string[]): SignatureDiagnosis => ({
    matches: cause === undefined,
    header,
    expected,
    ...(cause ? { cause } : {}),
    explanation,
  });

  if (prefix === 'sha256' && sameDigest(rest, digest, encoding))
    return result(undefined, `The signature matches: ${header} is right for these bytes and this secret.`);
  if (prefix === 'sha1' || (pasted && /^x-hub-signature$/i.test(pasted[1]!)) || /^[0-9a-f]{40}$/i.test(rest)) {
    const sha1 = mac('sha1', input.secret, input.body).toString('hex') === rest.toLowerCase();
    return result(
      'other-header',
      `This is a SHA-1 value from the legacy X-Hub-Signature header${sha1 ? ' (it does match these bytes with SHA-1)' : ''}, but Loket checks ${header} (HMAC-SHA256).`,
      `Read the ${header} header instead.`,
    );
  }
  if (!prefix && sameDigest(rest, digest, encoding)) {
    return result(
      'missing-prefix',
      `The digest is right but the "sha256=" prefix is missing: ${header} carries "sha256=<${encoding}>".`,
      'Pass the whole header value, prefix included.',
    );
  }
  if (sameDigest(rest, digest, other)) {
    return result(
      'hex-vs-base64',
      `The digest is right but encoded as ${other}; ${header} uses ${encoding}${prefix ? '' : ' after a "sha256=" prefix'}.`,
      `Encode the HMAC as ${encoding} (digest('${encoding}')), or check that you are verifying the right platform's header.`,
    );
  }
  const trimmedSecret = input.secret.trim();
  if (trimmedSecret !== input.secret && sameDigest(rest, mac('sha256', trimmedSecret, input.body), encoding)) {
    return result(
      'secret-whitespace',
      'The secret has spaces or a newline around it; without them the signature matches.',
      'Trim the secret where it is loaded (a .env line with a trailing space, a file with a newline).',
    );
  }
  for (const variant of bodyVariants(input.body)) {
    if (sameDigest(rest, mac('sha256', input.secret, variant.original), encoding)) {
      return result(
        variant.cause,
        `The secret is right, but the body changed after the platform signed it: ${variant.what}.`,
        `Fix: ${RAW_BODY_FIX}.`,
      );
    }
  }
  if (!/^[0-9a-f]{64}$/i.test(rest) && !/^[A-Za-z0-9+/]{43}=$/.test(rest)) {
    return result(
      'malformed',
      `"${value.slice(0, 80)}" is not a ${header} value: expected "sha256=" and ${encoding === 'hex' ? '64 hex digits' : '44 base64 characters'}.`,
      'Copy the header value exactly as received.',
    );
  }
  const swapped =
    input.otherSecret !== undefined && sameDigest(rest, mac('sha256', input.otherSecret, input.body), encoding);
  if (input.scheme === 'x' && swapped) return result('swapped-secret', ...xSecretHints(pasted?.[1], true));
  const hints = [
    'No change to the body or the encoding explains it: the secret is most likely wrong.',
    input.scheme === 'meta'
      ? 'Use the App Secret of the Meta app that owns the webhook subscription (App Dashboard → App settings → Basic), not an access token or the verify token.'
      : 'Use the consumer (API) secret, or the OAuth 2.0 client secret, of the X app that owns the webhook.',
  ];
  if (input.scheme === 'x') hints.push(...xSecretHints(pasted?.[1], false));
  if (/^EAA/.test(input.secret))
    hints.push('This secret starts with "EAA": that is an access token, not the app secret.');
  hints.push(
    'If the secret is right, the body file is not the exact bytes received: capture the raw body before any parser.',
  );
  return result('wrong-secret', ...hints);
}
