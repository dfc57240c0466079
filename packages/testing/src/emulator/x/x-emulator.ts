import type { EmulatorChannel, EmulatorContext, EmulatorReply, EmulatorRequest } from '../emulator-channel.js';
import { isReply, xCaller } from './x-auth.js';
import { acceptDm, acceptEventsNew } from './x-dm.js';
import { continueUpload, initializeUpload, uploadStatus } from './x-media.js';
import { refreshToken } from './x-oauth.js';
import type { XState } from './x-state.js';
import { type XEmulatorSecrets, type XEnvelope, xWebhookBasics } from './x-webhooks.js';

/** How the X module is set up by its emulator. */
export interface XModuleOptions {
  state: XState;
  secrets(): XEmulatorSecrets;
  envelope(): XEnvelope;
}

type Route = (req: EmulatorRequest, ctx: EmulatorContext, o: XModuleOptions) => EmulatorReply | undefined;

const SIGNALS = new Set(['/1.1/direct_messages/indicate_typing.json', '/1.1/direct_messages/mark_read.json']);

/** Routes that need user context (everything but the token endpoint). */
const userRoute: Route = (req, ctx, o) => {
  const path = req.url.pathname;
  const known =
    /^\/2\/dm_conversations\/with\/\d+\/messages$/.test(path) ||
    path.startsWith('/2/media/upload') ||
    SIGNALS.has(path) ||
    path === '/1.1/direct_messages/events/new.json';
  if (!known) return undefined;
  const caller = xCaller(req, o.state);
  if (isReply(caller)) return caller;
  const dm = /^\/2\/dm_conversations\/with\/(\d+)\/messages$/.exec(path);
  if (dm && req.method === 'POST') {
    const deps = { state: o.state, echoes: ctx.statusDelayMs !== undefined, envelope: o.envelope() };
    return acceptDm(req, ctx, caller, dm[1] as string, deps);
  }
  if (path === '/2/media/upload/initialize' && req.method === 'POST') return initializeUpload(req, o.state);
  const step = /^\/2\/media\/upload\/(\d+)\/(append|finalize)$/.exec(path);
  if (step && req.method === 'POST') return continueUpload(o.state, step[1] as string, step[2] as string, req);
  if (path === '/2/media/upload' && req.method === 'GET') return uploadStatus(o.state, req);
  if (SIGNALS.has(path) && req.method === 'POST') {
    if (!req.url.searchParams.get('recipient_id'))
      return { status: 400, json: { errors: [{ code: 214, message: 'recipient_id is required' }] } };
    return { status: 204 };
  }
  if (path === '/1.1/direct_messages/events/new.json' && req.method === 'POST')
    return acceptEventsNew(req, ctx, caller, o.state);
  return undefined;
};

/**
 * X's DM side: `POST /2/dm_conversations/with/:id/messages`, media upload (initialize / append / finalize /
 * status), the v1.1 typing, read and `events/new` endpoints, and the OAuth 2.0 token endpoint. Webhooks are
 * signed like X's (`sha256=<base64>`), CRC checks answered with `crc_token`.
 */
export function xEmulator(o: XModuleOptions): EmulatorChannel {
  return {
    channel: 'twitter-dm',
    ...xWebhookBasics(o.secrets),
    async handle(req, ctx) {
      if (req.url.pathname === '/2/oauth2/token' && req.method === 'POST') return refreshToken(req, o.state);
      return userRoute(req, ctx, o);
    },
  };
}
