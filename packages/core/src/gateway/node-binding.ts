import type { WebhookReply } from '../adapter.js';
import type { Logger } from '../logger.js';
import { bodyAlreadyRead } from './body-already-read.js';
import type { NodeHandler } from './gateway-types.js';
import { checkSize, readNodeStream } from './body-limit.js';
import type { WebhookHandler } from './webhook-handler.js';
import { jsonReply } from './webhook-reply.js';

type NodeRequest = Parameters<NodeHandler>[0];

/** A node request's headers as Web `Headers`. */
export function toHeaders(req: NodeRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

// A host is a name, an IPv4 or a bracketed IPv6 address, and an optional port: nothing that could end the
// authority and start a path or a query.
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The request target as path and query: origin-form as sent, absolute-form reduced to its path (RFC 9112 §3.2). */
function requestTarget(raw: string | undefined): string {
  const target = raw ?? '/';
  if (target.startsWith('/')) return target;
  if (!URL.canParse(target)) return '/';
  const url = new URL(target);
  return `${url.pathname}${url.search}`;
}

/**
 * The URL handed to the handler. The route comes from the request target only: the Host header is data, so a
 * Host such as `127.0.0.1/webhooks/whatsapp?` can neither choose a route nor turn the real path into a query.
 */
export function fullUrl(req: NodeRequest): string {
  const encrypted = (req.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
  const host = req.headers.host !== undefined && HOST.test(req.headers.host) ? req.headers.host : 'localhost';
  return `${encrypted ? 'https' : 'http'}://${host}${requestTarget(req.url)}`;
}

/**
 * Bytes a framework already read for us: `req.rawBody`, or `req.body` from a raw body parser, as a Buffer or a
 * Uint8Array. A string `rawBody` is not taken: it is decoded text, and re-encoding it need not give back the bytes
 * the platform signed (a wrong guess would be a 401 that blames the app secret).
 */
function bytesGiven(req: NodeRequest): Uint8Array | undefined {
  if (req.rawBody instanceof Uint8Array) return req.rawBody;
  if (req.body instanceof Uint8Array) return req.body;
  return undefined;
}

/** The stream was read before us: body-parser marks `_body`, Express 5's and Fastify's parsers leave it ended. */
function consumed(req: NodeRequest): boolean {
  return (req as { _body?: unknown })._body === true || req.readableEnded;
}

/** Express puts its app on every request (`req.app`, a function with `use`). */
function isExpress(req: NodeRequest): boolean {
  const app: unknown = (req as { app?: unknown }).app;
  return typeof app === 'function' && typeof (app as { use?: unknown }).use === 'function';
}

async function readNodeBody(req: NodeRequest, limit: number, channel: string): Promise<Uint8Array> {
  const given = bytesGiven(req);
  if (given) {
    checkSize(given.byteLength, limit, channel);
    return given;
  }
  if (consumed(req)) {
    // A JSON body parser re-serializes; the platform signed the original bytes, so nothing can be verified.
    const note = typeof req.rawBody === 'string' ? 'req.rawBody is a string: keep it as the Buffer itself' : undefined;
    throw bodyAlreadyRead(channel, isExpress(req) ? 'express' : 'node', note);
  }
  return readNodeStream(req, limit, channel);
}

function write(res: Parameters<NodeHandler>[1], reply: WebhookReply): void {
  res.statusCode = reply.status;
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  res.end(reply.body ?? '');
}

/** The node:http / Express / Fastify binding over the Web-standard request path. */
export function nodeBinding(handle: WebhookHandler, logger: Logger): NodeHandler {
  return (req, res, next) => {
    const run = async () => {
      const reply = await handle({
        method: req.method ?? 'GET',
        url: fullUrl(req),
        headers: toHeaders(req),
        readBody: (limit, channel) => readNodeBody(req, limit, channel),
      });
      if (reply === undefined && next) next();
      else write(res, reply ?? jsonReply(404, { error: 'not found' }));
    };
    run().catch((err: unknown) => {
      logger.error({ err }, 'node binding failed to answer');
      if (!res.headersSent) write(res, jsonReply(500, { error: 'internal error' }));
      else res.end();
    });
  };
}
