import type { IncomingMessage, ServerResponse } from 'node:http';
import { headerRecord, readBody } from '../http/node-http.js';
import { tryJson } from '../signing/bytes.js';
import type { EmulatorChannel, EmulatorContext, EmulatorReply } from './emulator-channel.js';
import type { RecordedRequest } from './emulator-types.js';
import { graphError } from './graph/graph-error.js';
import type { InjectionQueue } from './injections.js';

/** What answering one request needs from the emulator. */
export interface DispatchDeps {
  baseUrl: string;
  channels: readonly EmulatorChannel[];
  injections: InjectionQueue;
  context: EmulatorContext;
  now(): number;
}

/** Answers one request: an injected failure first, else the first channel that knows the route, else 404. */
export async function dispatchRequest(
  req: IncomingMessage,
  deps: DispatchDeps,
): Promise<{ reply: EmulatorReply; record: RecordedRequest }> {
  const body = await readBody(req);
  const url = new URL(req.url ?? '/', deps.baseUrl);
  const method = req.method ?? 'GET';
  const request = { method, url, headers: headerRecord(req), body, json: tryJson(body) };
  const injected = deps.injections.take(method, url.pathname);
  let reply: EmulatorReply | undefined = injected;
  for (const channel of deps.channels) reply ??= await channel.handle(request, deps.context);
  if (!reply) {
    const details = `${method} ${url.pathname} is not emulated`;
    reply = { status: 404, json: graphError({ code: 100, subcode: 33, status: 404, details }).body };
  }
  const record: RecordedRequest = {
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: request.headers,
    body,
    json: request.json,
    at: deps.now(),
    status: reply.status,
    response: reply.bytes ? `<${reply.bytes.byteLength} bytes>` : reply.json,
    injected: injected !== undefined,
  };
  return { reply, record };
}

/** Writes a reply: bytes as they are, anything else as JSON. */
export function writeReply(res: ServerResponse, reply: EmulatorReply): void {
  const headers = { ...(reply.bytes ? {} : { 'content-type': 'application/json' }), ...reply.headers };
  res.writeHead(reply.status, headers).end(reply.bytes ?? JSON.stringify(reply.json ?? {}));
}
