import { type IncomingMessage, STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../logger.js';
import type { RouteTable, SocketConnection, SocketRoute } from './adapter-routes.js';
import { pathOf } from './gateway-routes.js';
import type { NodeHandler } from './gateway-types.js';
import { fullUrl, toHeaders } from './node-binding.js';

/** The node binding's WebSocket side: `gateway.upgrade` and `gateway.attach`. */
export interface UpgradeHandler {
  /** Takes an `upgrade` for an adapter's socket route; false (socket untouched) when the path is not ours. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Wires `request` (when the server has no handler yet) and `upgrade` on a node:http server. */
  attach(server: Server, node: NodeHandler): void;
  /** Closes every open socket (1001, going away). */
  close(): void;
}

function refuse(socket: Duplex, status: number, headers: Record<string, string> = {}, body = ''): void {
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`, 'Connection: close'];
  const all: Record<string, string> = { 'content-type': 'application/json', ...headers };
  for (const [name, value] of Object.entries(all)) lines.push(`${name}: ${value}`);
  lines.push(`content-length: ${Buffer.byteLength(body)}`);
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
}

function connectionOf(ws: WebSocket): SocketConnection {
  return {
    send: (text) => ws.send(text),
    get bufferedAmount() {
      return ws.bufferedAmount;
    },
    close: (code, reason) => ws.close(code, reason),
    terminate: () => ws.terminate(),
    onMessage: (listener) => ws.on('message', (data, isBinary) => listener(isBinary ? '' : String(data))),
    onClose: (listener) => ws.on('close', (code) => listener(code)),
  };
}

/**
 * Builds the upgrade handler over the adapters' socket routes, with `ws` in `noServer` mode: the adapter decides
 * (Origin, credential, limits) before the handshake, and `maxPayload` is the route's frame limit.
 */
export function createUpgradeHandler(table: RouteTable, logger: Logger): UpgradeHandler {
  const servers = new Map<SocketRoute, Promise<WebSocketServer>>();
  const chosen = new WeakMap<IncomingMessage, string>();
  const open = new Set<WebSocket>();

  const serverFor = (route: SocketRoute): Promise<WebSocketServer> => {
    let server = servers.get(route);
    if (!server) {
      // Loaded on first use, so fetch-only hosts never load a node-only package.
      server = import('ws').then(
        (ws) =>
          new ws.WebSocketServer({
            noServer: true,
            maxPayload: route.maxPayload,
            handleProtocols: (_offered, req) => chosen.get(req) ?? false,
          }),
      );
      servers.set(route, server);
    }
    return server;
  };

  const take = async (req: IncomingMessage, socket: Duplex, head: Buffer, route: SocketRoute, path: string) => {
    const decision = await route.decide(
      { url: fullUrl(req), headers: toHeaders(req) },
      { path, remoteAddress: req.socket.remoteAddress },
    );
    if (!decision.accept) {
      refuse(socket, decision.status, decision.headers, decision.body);
      return;
    }
    if (decision.protocol !== undefined) chosen.set(req, decision.protocol);
    const wss = await serverFor(route);
    if (socket.destroyed) return;
    wss.handleUpgrade(req, socket, head, (ws) => {
      open.add(ws);
      ws.on('close', () => open.delete(ws));
      ws.on('error', (err) => logger.warn({ err: String(err), path }, 'websocket error'));
      decision.open(connectionOf(ws));
    });
  };

  const upgrade: UpgradeHandler['upgrade'] = (req, socket, head) => {
    const hit = table.socketAt(pathOf(req.url ?? '/'));
    if (!hit) return false;
    socket.on('error', () => socket.destroy());
    take(req, socket, head, hit.route, hit.path).catch((err: unknown) => {
      logger.error({ err, path: hit.path }, 'websocket upgrade failed');
      if (!socket.destroyed) refuse(socket, 500, {}, '{"error":"internal_error"}');
    });
    return true;
  };

  return {
    upgrade,
    attach(server, node) {
      if (server.listenerCount('request') === 0) server.on('request', node);
      server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
        // Not one of ours and nobody else listens: answer instead of leaving the socket hanging.
        if (!upgrade(req, socket, head) && server.listenerCount('upgrade') === 1) refuse(socket, 404);
      });
    },
    close() {
      for (const ws of open) ws.close(1001, 'server closing');
    },
  };
}
