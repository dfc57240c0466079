import { Readable } from 'node:stream';
import type { Logger } from '../logger.js';
import { type RouteInfo, type RouteTable, routeNotFound } from './adapter-routes.js';
import type { NodeHandler } from './gateway-types.js';
import { pathOf } from './gateway-routes.js';
import { fullUrl, toHeaders } from './node-binding.js';

type NodeRequest = Parameters<NodeHandler>[0];
type NodeResponse = Parameters<NodeHandler>[1];

async function serve(
  table: RouteTable,
  request: Request,
  info: Omit<RouteInfo, 'path'>,
  logger: Logger,
): Promise<Response | undefined> {
  const hit = table.match(pathOf(request.url));
  if (!hit) return undefined;
  try {
    return (await hit.routes.fetch(request, { ...info, path: hit.path })) ?? routeNotFound(hit.path);
  } catch (err) {
    logger.error({ err, path: hit.path }, 'adapter route failed to answer');
    return Response.json({ error: 'internal_error' }, { status: 500 });
  }
}

/** Serves adapter routes on the fetch binding; every other request goes to `inner` (the webhook routes). */
export function fetchWithRoutes(
  table: RouteTable,
  logger: Logger,
  inner: (request: Request) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => (await serve(table, request, {}, logger)) ?? inner(request);
}

function bodyOf(req: NodeRequest): BodyInit | undefined {
  const method = (req.method ?? 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD') return undefined;
  if (req.rawBody instanceof Uint8Array) return req.rawBody as Uint8Array<ArrayBuffer>;
  if (req.body instanceof Uint8Array) return req.body as Uint8Array<ArrayBuffer>;
  // A JSON body parser ran first: our routes take JSON, so its parsed value is as good as the bytes.
  if (req.readableEnded && typeof req.body === 'object' && req.body !== null) return JSON.stringify(req.body);
  return Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>;
}

/** A node request as a Web `Request` (the body streamed, not buffered). */
export function toWebRequest(req: NodeRequest): Request {
  const body = bodyOf(req);
  const init: RequestInit & { duplex?: 'half' } = { method: req.method ?? 'GET', headers: toHeaders(req) };
  if (body !== undefined) {
    init.body = body;
    init.duplex = 'half';
  }
  return new Request(fullUrl(req), init);
}

/** Writes a Web `Response` to node, streaming its body (server-sent events) until either side stops. */
export async function writeWebResponse(response: Response, res: NodeResponse): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) res.setHeader(name, value);
  if (!response.body) {
    res.end();
    return;
  }
  res.flushHeaders();
  const reader = response.body.getReader();
  res.on('close', () => {
    reader.cancel().catch(() => undefined);
  });
  for (;;) {
    const { done, value } = await reader.read();
    if (done || res.destroyed) break;
    // Backpressure: a slow client fills the stream's own queue, where the adapter can see it and cut it off.
    if (!res.write(value)) await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
  }
  res.end();
}

/** Serves adapter routes on the node binding; every other request goes to `inner` (the webhook routes). */
export function nodeWithRoutes(table: RouteTable, logger: Logger, inner: NodeHandler): NodeHandler {
  return (req, res, next) => {
    if (!table.match(pathOf(req.url ?? '/'))) return inner(req, res, next);
    const run = async () => {
      const response = await serve(table, toWebRequest(req), { remoteAddress: req.socket?.remoteAddress }, logger);
      if (response) await writeWebResponse(response, res);
    };
    run().catch((err: unknown) => {
      logger.error({ err }, 'node binding failed to answer an adapter route');
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end('{"error":"internal_error"}');
      } else res.end();
    });
  };
}
