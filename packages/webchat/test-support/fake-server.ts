import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import { FakeConversation } from './fake-log.js';

/** Options of {@link startFakeServer}. */
export interface FakeServerOptions {
  /** Whether the server answers WebSocket pings with `hb` (default true). */
  answerPings?: boolean;
  /** SSE heartbeat interval (default 15000). */
  sseHeartbeatMs?: number;
  /** Replay cap: a resume further behind than this answers `reset`. Default 500. */
  replayCap?: number;
  basePath?: string;
}

/** A protocol-faithful web chat server for the client's tests: DESIGN.md "Web chat", in memory. */
export interface FakeServer {
  url: string;
  conversations: Map<string, FakeConversation>;
  /** Requests seen, as `METHOD path` with the status answered. */
  requests: { method: string; path: string; status: number; auth?: string }[];
  /** Answers the next `count` requests to a path with this status (and body). */
  failNext(path: string, status: number, body?: unknown, count?: number, headers?: Record<string, string>): void;
  /** Drops every stream connection, like a deploy. */
  dropStreams(): void;
  /** Refuses WebSocket upgrades from now on. */
  blockWebSocket(blocked: boolean): void;
  /** The conversation a credential or JWT subject maps to. */
  conversationOf(credential: string): FakeConversation | undefined;
  /** Credentials the server accepts (revoke by deleting). */
  credentials: Map<string, string>;
  streams(): { ws: number; sse: number };
  close(): Promise<void>;
}

/** A verified customer's JWT, for this fake only: `jwt.<sub>`; `jwt.expired.<sub>` is refused as expired. */
export const fakeJwt = (sub: string) => `jwt.${sub}`;

/** Starts the fake on port 0. */
export async function startFakeServer(options: FakeServerOptions = {}): Promise<FakeServer> {
  const base = `${options.basePath ?? ''}/webchat/v1/`;
  const conversations = new Map<string, FakeConversation>();
  const credentials = new Map<string, string>(); // credential → conversation id
  const requests: FakeServer['requests'] = [];
  const failures: { path: string; status: number; body?: unknown; count: number; headers?: Record<string, string> }[] =
    [];
  const sockets = new Set<{ close(): void; kind: 'ws' | 'sse' }>();
  let wsBlocked = false;

  const conversationFor = (user: string) => {
    const c = conversations.get(user) ?? new FakeConversation(user, user);
    conversations.set(user, c);
    return c;
  };
  const mint = (user: string) => {
    const credential = randomBytes(18).toString('base64url');
    credentials.set(credential, user);
    return credential;
  };
  const auth = (req: IncomingMessage) => {
    const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    const user = m ? credentials.get(m[1]!) : undefined;
    return user ? conversationFor(user) : undefined;
  };
  const readBody = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, path: string, url: URL) => {
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    };
    const failure = failures.find((f) => f.path === path && f.count > 0);
    if (failure) {
      failure.count--;
      return json(failure.status, failure.body ?? { error: 'failure' }, failure.headers);
    }
    if (req.method === 'POST' && path === 'session') {
      await readBody(req);
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      let credential: string;
      if (bearer?.startsWith('jwt.expired.')) return json(401, { error: 'token_expired' });
      if (bearer?.startsWith('jwt.')) credential = mint(`verified:${bearer.slice(4)}`);
      else if (bearer) {
        if (!credentials.has(bearer)) return json(401, { error: 'unauthorized' });
        credential = bearer;
      } else credential = mint(`anon:${randomBytes(6).toString('hex')}`);
      const user = credentials.get(credential)!;
      const c = conversationFor(user);
      return json(200, {
        credential,
        contactId: user,
        conversation: { channel: 'webchat', account: 'site', user },
        head: c.head,
      });
    }
    const c = auth(req);
    if (!c) return json(401, { error: 'unauthorized' });
    if (req.method === 'POST' && path === 'messages') {
      const body = JSON.parse((await readBody(req)).toString() || '{}');
      if (typeof body.clientMessageId !== 'string' || typeof body.content?.type !== 'string') {
        return json(400, { error: 'bad_request' });
      }
      const known = c.byClientId.get(body.clientMessageId);
      if (known) return json(200, known);
      const stored = c.message('customer', body.content, body.clientMessageId);
      c.byClientId.set(body.clientMessageId, stored);
      return json(201, stored);
    }
    if (req.method === 'POST' && path === 'typing') {
      await readBody(req);
      return json(200, { ok: true });
    }
    if (req.method === 'POST' && path === 'receipts') {
      const body = JSON.parse((await readBody(req)).toString() || '{}');
      c.append('receipt', { author: { kind: 'customer' }, deliveredSeq: body.deliveredSeq, readSeq: body.readSeq });
      return json(200, { ok: true });
    }
    if (req.method === 'POST' && path === 'attachments') {
      const bytes = await readBody(req);
      return json(201, { id: `att_${randomBytes(4).toString('hex')}`, size: bytes.length });
    }
    if (req.method === 'GET' && path === 'events') {
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const before = url.searchParams.get('before');
      const events = before
        ? c.before(Number(before), limit)
        : c.after(Number(url.searchParams.get('after') ?? 0), limit);
      return json(200, { events, head: c.head });
    }
    if (req.method === 'GET' && path === 'stream') {
      const after = Number(req.headers['last-event-id'] ?? url.searchParams.get('after') ?? Number.NaN);
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      const send = (frame: { t: string; e?: { seq: number } }) =>
        res.writableEnded || res.write(`${frame.e ? `id: ${frame.e.seq}\n` : ''}data: ${JSON.stringify(frame)}\n\n`);
      return openStream(c, Number.isNaN(after) ? undefined : after, send, () => res.end(), 'sse', res);
    }
    return json(404, { error: 'not_found' });
  };

  const openStream = (
    c: FakeConversation,
    after: number | undefined,
    send: (frame: { t: string; e?: { seq: number }; head?: number }) => void,
    end: () => void,
    kind: 'ws' | 'sse',
    closer: { on(ev: 'close', fn: () => void): unknown },
  ) => {
    if (after !== undefined && c.head - after > (options.replayCap ?? 500)) send({ t: 'reset', head: c.head });
    else if (after !== undefined) for (const e of c.after(after, Number.MAX_SAFE_INTEGER)) send({ t: 'event', e });
    send({ t: 'ready', head: c.head });
    const hb = kind === 'sse' ? setInterval(() => send({ t: 'hb' }), options.sseHeartbeatMs ?? 15_000) : undefined;
    c.subscribers.add(send);
    const entry = { kind, close: end };
    sockets.add(entry);
    closer.on('close', () => {
      clearInterval(hb);
      c.subscribers.delete(send);
      sockets.delete(entry);
    });
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const origin = req.headers.origin;
    if (origin) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-allow-headers', 'authorization, content-type');
      res.setHeader('access-control-allow-methods', 'GET, POST');
    }
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    if (!url.pathname.startsWith(base)) return void res.writeHead(404).end();
    const path = url.pathname.slice(base.length);
    res.on('finish', () =>
      requests.push({ method: req.method ?? '', path, status: res.statusCode, auth: req.headers.authorization }),
    );
    handle(req, res, path, url).catch((err) => {
      if (!res.headersSent) res.writeHead(500).end(String(err));
    });
  });

  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (p) => (p.has('loket.webchat.v1') ? 'loket.webchat.v1' : false),
  });
  server.on('upgrade', (req, socket: Socket, head) => {
    const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((s) => s.trim());
    const user = credentials.get(offered[1] ?? '');
    if (wsBlocked || !user || !req.url?.startsWith(`${base}ws`)) return void socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
      const c = conversationFor(user);
      const send = (frame: unknown) => ws.readyState === ws.OPEN && ws.send(JSON.stringify(frame));
      let opened = false;
      ws.on('message', (raw) => {
        const frame = JSON.parse(raw.toString());
        if (frame.t === 'ping' && options.answerPings !== false) send({ t: 'hb' });
        if (frame.t === 'resume' && !opened) {
          opened = true;
          openStream(c, frame.after, send, () => ws.terminate(), 'ws', ws);
        }
      });
    });
  });

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${options.basePath ?? ''}`,
    conversations,
    requests,
    credentials,
    failNext(path, status, body, count = 1, headers) {
      failures.push({ path, status, body, count, headers });
    },
    dropStreams() {
      for (const s of [...sockets]) s.close();
    },
    blockWebSocket(blocked) {
      wsBlocked = blocked;
    },
    conversationOf(credential) {
      const user = credentials.get(credential);
      return user ? conversations.get(user) : undefined;
    },
    streams() {
      const list = [...sockets];
      return { ws: list.filter((s) => s.kind === 'ws').length, sse: list.filter((s) => s.kind === 'sse').length };
    },
    async close() {
      for (const s of [...sockets]) s.close();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
