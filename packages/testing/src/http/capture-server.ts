import { createServer } from 'node:http';
import { tryJson } from '../signing/bytes.js';
import { closeServer, headerRecord, listen, readBody } from './node-http.js';

/** One request the capture server received. */
export interface CapturedRequest {
  method: string;
  /** Path and query, as sent (`/v25.0/1234/messages?x=1`). */
  path: string;
  headers: Record<string, string>;
  body: Uint8Array;
  /** The body parsed as JSON, when it is JSON. */
  json: unknown;
}

/** What the capture server answers. A string or bytes body is sent as is; anything else as JSON. */
export interface CaptureResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A local HTTP server that records every request and answers a canned response. */
export interface CaptureServer {
  /** `http://127.0.0.1:<port>`: pass it as an adapter's `apiBaseUrl`. */
  readonly url: string;
  readonly requests: CapturedRequest[];
  /** Sets the answer for the following requests (default `200 {}`). */
  respond(response: CaptureResponse): void;
  close(): Promise<void>;
}

/**
 * Starts a capture server on 127.0.0.1 (a free port): the network edge for send-mapping tests without nock.
 *
 * @example
 * const server = await startCaptureServer({ status: 200, body: { messages: [{ id: 'wamid.1' }] } });
 * await whatsapp({ ...secrets, apiBaseUrl: server.url }).send(message);
 * expect(server.requests[0]?.json).toEqual(expectedBody);
 * await server.close();
 */
export async function startCaptureServer(initial: CaptureResponse = { status: 200, body: {} }): Promise<CaptureServer> {
  let response = initial;
  const requests: CapturedRequest[] = [];
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    requests.push({
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: headerRecord(req),
      body,
      json: tryJson(body),
    });
    const raw = response.body;
    const isRaw = typeof raw === 'string' || raw instanceof Uint8Array;
    const payload = raw === undefined ? '' : isRaw ? raw : JSON.stringify(raw);
    const headers = isRaw ? { ...response.headers } : { 'content-type': 'application/json', ...response.headers };
    res.writeHead(response.status, headers).end(payload);
  });
  const url = await listen(server, 0, '127.0.0.1');
  return {
    url,
    requests,
    respond(next) {
      response = next;
    },
    close: () => closeServer(server),
  };
}
