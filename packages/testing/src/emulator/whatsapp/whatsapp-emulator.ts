import type { EmulatorChannel, EmulatorContext, EmulatorReply, EmulatorRequest } from '../emulator-channel.js';
import { graphAuthProblem, graphReply, metaWebhookBasics } from '../graph/meta-webhook-basics.js';
import { deleteMedia, downloadMedia, lookupMedia, MEDIA_FILES_PATH, uploadMedia } from './whatsapp-media.js';
import { acceptMessage } from './whatsapp-messages.js';

const VERSION = /^v\d+\.\d+$/;

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
  ...metaWebhookBasics,
  async handle(req, ctx) {
    const path = req.url.pathname;
    if (req.method === 'GET' && path.startsWith(MEDIA_FILES_PATH)) {
      return graphAuthProblem(req, ctx) ?? downloadMedia(ctx, path.slice(MEDIA_FILES_PATH.length));
    }
    const parts = path.split('/').filter(Boolean);
    if (!VERSION.test(parts[0] ?? '')) return undefined;
    const handler = routeFor(req.method, parts);
    if (!handler) return undefined;
    const denied = graphAuthProblem(req, ctx);
    if (denied) return denied;
    if (parts[0] !== ctx.graphVersion) {
      return graphReply(100, `Unsupported Graph version ${parts[0]}: the emulator speaks ${ctx.graphVersion}.`);
    }
    return handler(req, ctx);
  },
};
