import { randomInt } from 'node:crypto';
import { metaJson } from '../../signing/meta-json.js';
import { metaHandshakeRequest } from '../../signing/meta-requests.js';
import { signMeta } from '../../signing/signers.js';
import type { EmulatorChannel, EmulatorContext, EmulatorReply, EmulatorRequest } from '../emulator-channel.js';
import { graphError } from './graph-error.js';

/** How every Meta product serializes, signs and subscribes its webhooks (WhatsApp, Messenger, Instagram). */
export const metaWebhookBasics: Pick<EmulatorChannel, 'serialize' | 'webhookHeaders' | 'handshake'> = {
  // Meta escapes non-ASCII and slashes, then signs those exact bytes.
  serialize: (value) => metaJson(value),
  webhookHeaders: (body, { appSecret }) => ({
    'user-agent': 'facebookexternalua',
    'x-hub-signature-256': signMeta(body, appSecret),
  }),
  handshake(webhookUrl, verifyToken) {
    const challenge = String(randomInt(1_000_000_000, 2_000_000_000));
    return { url: metaHandshakeRequest({ url: webhookUrl, verifyToken, challenge }).url, expectedBody: challenge };
  },
};

/** A Graph error answer. */
export function graphReply(code: number, details: string, message?: string): EmulatorReply {
  const { status, body } = graphError({ code, details, message });
  return { status, json: body };
}

/** Graph calls need a bearer token (the configured one, when the emulator was given one). */
export function graphAuthProblem(req: EmulatorRequest, ctx: EmulatorContext): EmulatorReply | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!match) return graphReply(190, 'An access token is required: send Authorization: Bearer <token>.');
  if (ctx.accessToken !== undefined && match[1] !== ctx.accessToken) {
    return graphReply(190, 'The access token is not the one the emulator was given.', 'Malformed access token');
  }
  return undefined;
}

/** The `/<version>/...` path parts of a Graph request, or undefined when it is none (or of another version). */
export function graphPath(
  req: EmulatorRequest,
  ctx: EmulatorContext,
): { parts: string[]; problem?: EmulatorReply } | undefined {
  const parts = req.url.pathname.split('/').filter(Boolean);
  if (!/^v\d+\.\d+$/.test(parts[0] ?? '')) return undefined;
  const problem =
    graphAuthProblem(req, ctx) ??
    (parts[0] === ctx.graphVersion
      ? undefined
      : graphReply(100, `Unsupported Graph version ${parts[0]}: the emulator speaks ${ctx.graphVersion}.`));
  return { parts, problem };
}
