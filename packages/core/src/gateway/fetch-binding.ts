import type { WebhookReply } from '../adapter.js';
import type { Logger } from '../logger.js';
import { bodyAlreadyRead } from './body-already-read.js';
import { readBody } from '../read-body.js';
import { webhookTooLarge } from './body-limit.js';
import type { WebhookHandler } from './webhook-handler.js';
import { jsonReply } from './webhook-reply.js';

/** Turns a WebhookReply into a Web Response. */
export function toResponse(reply: WebhookReply): Response {
  return new Response(reply.body ?? null, { status: reply.status, headers: reply.headers });
}

/** A Request's body, unless something read it before us (`c.req.json()` in a Hono middleware, say). */
async function readRequestBody(request: Request, limit: number, channel: string): Promise<Uint8Array> {
  if (request.bodyUsed) throw bodyAlreadyRead(channel, 'fetch');
  return readBody(request.body, { maxBytes: limit, tooLarge: () => webhookTooLarge(limit, channel) });
}

/** The Web-standard binding: `Request` in, `Response` out (Hono, Next.js, Bun, Workers-style hosts). */
export function fetchBinding(handle: WebhookHandler, logger: Logger): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      const reply = await handle({
        method: request.method,
        url: request.url,
        headers: request.headers,
        readBody: (limit, channel) => readRequestBody(request, limit, channel),
      });
      return toResponse(reply ?? jsonReply(404, { error: 'not found' }));
    } catch (err) {
      logger.error({ err }, 'fetch binding failed to answer');
      return toResponse(jsonReply(500, { error: 'internal error' }));
    }
  };
}
