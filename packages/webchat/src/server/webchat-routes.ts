import type { AdapterRoutes, RouteInfo } from '@loket/core';
import type { WebchatContext } from './webchat-context.js';
import { errorBody, json, WebchatHttpError } from './webchat-http.js';
import { checkOrigin, corsHeaders, preflight } from './webchat-origin.js';
import { getEvents } from './webchat-route-events.js';
import { getAttachment, postAttachments } from './webchat-route-attachments.js';
import { postMessages } from './webchat-route-messages.js';
import { postReceipts } from './webchat-route-receipts.js';
import { postSession } from './webchat-route-session.js';
import { postStreamTicket } from './webchat-route-ticket.js';
import { postTyping } from './webchat-route-typing.js';
import { getStream } from './webchat-sse.js';
import { webchatSocketRoute } from './webchat-ws.js';

/** Where the protocol lives below the gateway's `basePath`. */
export const WEBCHAT_PREFIX = '/webchat/v1/';

type Route = (ctx: WebchatContext, request: Request, info: RouteInfo) => Promise<Response>;

/** Where `GET widget.js` comes from: the built bundle, or undefined when this install has none (a clear 404). */
export type WidgetSource = () => { code: string; etag: string } | undefined;

function table(widget: WidgetSource): Record<string, { method: string; run: Route }> {
  return {
    session: { method: 'POST', run: (ctx, request, info) => postSession(ctx, request, info.remoteAddress) },
    messages: { method: 'POST', run: postMessages },
    typing: { method: 'POST', run: postTyping },
    receipts: { method: 'POST', run: postReceipts },
    attachments: { method: 'POST', run: postAttachments },
    events: { method: 'GET', run: getEvents },
    stream: { method: 'GET', run: getStream },
    'stream-ticket': { method: 'POST', run: postStreamTicket },
    ws: {
      method: 'GET',
      run: async () => {
        throw new WebchatHttpError('bad_request', 'this route takes a WebSocket upgrade (node: gateway.attach)');
      },
    },
    'widget.js': {
      method: 'GET',
      run: async (_ctx, request) => {
        const script = widget();
        if (script === undefined) {
          throw new WebchatHttpError('not_found', 'widget.js is not built: run npm run build -w @loket/webchat');
        }
        const headers = { etag: script.etag, 'cache-control': 'public, max-age=300' };
        if (request.headers.get('if-none-match') === script.etag) return new Response(null, { status: 304, headers });
        return new Response(script.code, { headers: { ...headers, 'content-type': 'text/javascript; charset=utf-8' } });
      },
    },
  };
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  const merged = new Headers(response.headers);
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  return new Response(response.body, { status: response.status, headers: merged });
}

/** The web chat's routes for the gateway: CORS and Origin checks first, then the protocol's routes. */
export function webchatRoutes(context: () => WebchatContext | undefined, widget: WidgetSource): AdapterRoutes {
  const routes = table(widget);
  const bound = (): WebchatContext => {
    const ctx = context();
    if (!ctx) throw new WebchatHttpError('unavailable', 'the web chat is not mounted on a gateway yet');
    return ctx;
  };
  return {
    prefix: WEBCHAT_PREFIX,
    socket: webchatSocketRoute(`${WEBCHAT_PREFIX}ws`, bound),
    async fetch(request, info) {
      let origin: string | undefined;
      try {
        const ctx = bound();
        origin = checkOrigin(request.headers, ctx.options.allowedOrigins);
        if (request.method === 'OPTIONS') return preflight(origin);
        const name = info.path.slice(WEBCHAT_PREFIX.length);
        const download = /^attachments\/(wca_[A-Za-z0-9_-]+)$/.exec(name);
        const route = download
          ? { method: 'GET', run: (c: WebchatContext, r: Request) => getAttachment(c, r, download[1] ?? '') }
          : routes[name];
        if (!route) throw new WebchatHttpError('not_found', `no web chat route ${info.path}`);
        if (request.method !== route.method && !(route.method === 'GET' && request.method === 'HEAD')) {
          throw new WebchatHttpError('method_not_allowed', `${info.path} takes ${route.method}`, {
            allow: route.method,
          });
        }
        return withHeaders(await route.run(ctx, request, info), corsHeaders(origin));
      } catch (err) {
        if (err instanceof WebchatHttpError) {
          return json(err.status, JSON.parse(errorBody(err)), { ...err.headers, ...corsHeaders(origin) });
        }
        context()?.runtime.logger.error({ err, path: info.path, channel: 'webchat' }, 'web chat route failed');
        // The store did not answer: nothing was acknowledged, and the client's retry is idempotent.
        return json(
          503,
          { error: 'unavailable', message: 'try again' },
          { 'retry-after': '1', ...corsHeaders(origin) },
        );
      }
    },
  };
}
