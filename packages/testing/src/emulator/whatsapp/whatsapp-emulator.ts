import { randomInt } from 'node:crypto';
import { metaJson } from '../../signing/meta-json.js';
import { metaHandshakeRequest } from '../../signing/meta-requests.js';
import { signMeta } from '../../signing/signers.js';
import type { EmulatorChannel, EmulatorContext, EmulatorReply, EmulatorRequest } from '../emulator-channel.js';
import { graphError } from '../graph/graph-error.js';
import { deleteMedia, downloadMedia, lookupMedia, MEDIA_FILES_PATH, uploadMedia } from './whatsapp-media.js';
import { acceptMessage } from './whatsapp-messages.js';

const VERSION = /^v\d+\.\d+$/;

function graphReply(code: number, details: string, message?: string): EmulatorReply {
  const { status, body } = graphError({ code, details, message });
  return { status, json: body };
}

/** Graph calls need a bearer token (the configured one, when the emulator was given one). */
function authProblem(req: EmulatorRequest, ctx: EmulatorContext): EmulatorReply | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!match) return graphReply(190, 'An access token is required: send Authorization: Bearer <token>.');
  if (ctx.accessToken !== undefined && match[1] !== ctx.accessToken) {
    return graphReply(190, 'The access token is not the one the emulator was given.', 'Malformed access token');
  }
  return undefined;
}

type Handler = (req: EmulatorRequest, ctx: EmulatorContext) => EmulatorReply | Promise<EmulatorReply>;

function routeFor(method: string, parts: string[]): Handler | undefined {
  const [, id = '', edge] = parts;
  if (method === 'POST' && parts.length === 3 && edge === 'messages') return (req, ctx) => acceptMessage(req, ctx, id);
  if (method === 'POST' && parts.length === 3 && edge === 'media') return uploadMedia;
  if (method === 'GET' && parts.length === 2) return (_req, ctx) => lookupMedia(ctx, id);
  if (method === 'DELETE' && parts.length === 2) return (_req, ctx) => deleteMedia(ctx, id);
  return undefined;
}

/**
 * The WhatsApp Cloud API, send side: messages (with read and typing marks), media upload, lookup, download and
 * delete. Webhooks are signed like Meta's (`x-hub-signature-256`).
 */
export const whatsappEmulator: EmulatorChannel = {
  channel: 'whatsapp',
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
  async handle(req, ctx) {
    const path = req.url.pathname;
    if (req.method === 'GET' && path.startsWith(MEDIA_FILES_PATH)) {
      return authProblem(req, ctx) ?? downloadMedia(ctx, path.slice(MEDIA_FILES_PATH.length));
    }
    const parts = path.split('/').filter(Boolean);
    if (!VERSION.test(parts[0] ?? '')) return undefined;
    const handler = routeFor(req.method, parts);
    if (!handler) return undefined;
    const denied = authProblem(req, ctx);
    if (denied) return denied;
    if (parts[0] !== ctx.graphVersion) {
      return graphReply(100, `Unsupported Graph version ${parts[0]}: the emulator speaks ${ctx.graphVersion}.`);
    }
    return handler(req, ctx);
  },
};
