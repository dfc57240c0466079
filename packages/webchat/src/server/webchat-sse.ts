import type { WebchatContext } from './webchat-context.js';
import type { ServerFrame } from './webchat-frames.js';
import { bearerOf, WebchatHttpError } from './webchat-http.js';
import { authenticate, type WebchatIdentity } from './webchat-identity.js';
import { identityOfTicket } from './webchat-route-ticket.js';
import { routesBase } from './webchat-signed-url.js';
import { openStream, type StreamControl } from './webchat-stream.js';

const encoder = new TextEncoder();

function resumePoint(request: Request, url: URL): number | undefined {
  const value = request.headers.get('last-event-id') ?? url.searchParams.get('after');
  if (value === null || value === '') return undefined;
  if (!/^\d{1,15}$/.test(value)) throw new WebchatHttpError('bad_request', 'Last-Event-ID / after must be a seq');
  return Number(value);
}

async function whoIs(ctx: WebchatContext, request: Request, url: URL): Promise<WebchatIdentity> {
  const ticket = url.searchParams.get('ticket');
  if (ticket !== null && bearerOf(request.headers) === undefined) {
    const identity = await identityOfTicket(ctx, ticket);
    if (!identity)
      throw new WebchatHttpError('unauthorized', 'unknown or expired ticket: ask POST stream-ticket again');
    return identity;
  }
  return authenticate(ctx, request.headers);
}

/** One SSE message: `id: <seq>` for log events only, then `data: <frame JSON>`. */
export function sseChunk(frame: ServerFrame): string {
  const id = frame.t === 'event' ? `id: ${frame.e.seq}\n` : '';
  return `${id}data: ${JSON.stringify(frame)}\n\n`;
}

/**
 * `GET stream`: server-sent events for clients that read SSE with fetch (Authorization header) or with a plain
 * EventSource (`?ticket=`), resuming from `Last-Event-ID` or `?after=`. A client whose unread bytes pass
 * `bufferedBytes` is cut off; it resumes.
 */
export async function getStream(ctx: WebchatContext, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const identity = await whoIs(ctx, request, url);
  const after = resumePoint(request, url);
  let control: StreamControl | undefined;
  let closed = false;
  const body = new ReadableStream<Uint8Array>(
    {
      async start(controller) {
        controller.enqueue(encoder.encode('retry: 2000\n\n'));
        const sink = {
          send(frame: ServerFrame) {
            if (closed) return false;
            if ((controller.desiredSize ?? 0) <= 0) return false;
            controller.enqueue(encoder.encode(sseChunk(frame)));
            return true;
          },
          close() {
            if (closed) return;
            closed = true;
            controller.close();
          },
        };
        const base = routesBase(request.url, '/webchat/v1/');
        control = await openStream(ctx, identity, sink, after === undefined ? { base } : { after, base });
      },
      async cancel() {
        closed = true;
        await control?.stop();
      },
    },
    { highWaterMark: ctx.options.limits.bufferedBytes, size: (chunk) => chunk.byteLength },
  );
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    },
  });
}
