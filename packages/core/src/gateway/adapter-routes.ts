/** What the binding knows about a request beside the Web `Request` itself. */
export interface RouteInfo {
  /** The path below the gateway's `basePath`, starting with `/` (no query). */
  path: string;
  /** The peer's address when the binding knows it (node:http); undefined on fetch hosts. */
  remoteAddress?: string;
}

/** A WebSocket connection as core lends it to an adapter: text frames only. */
export interface SocketConnection {
  send(text: string): void;
  /** Bytes queued for the peer and not yet written (to spot slow consumers). */
  readonly bufferedAmount: number;
  close(code?: number, reason?: string): void;
  /** Drops the connection without a closing handshake. */
  terminate(): void;
  onMessage(listener: (text: string) => void): void;
  onClose(listener: (code: number) => void): void;
}

/** The adapter's answer before the WebSocket handshake: refuse with an HTTP status, or accept and take the socket. */
export type SocketDecision =
  | { accept: false; status: number; headers?: Record<string, string>; body?: string }
  | { accept: true; protocol?: string; open(connection: SocketConnection): void };

/** A WebSocket route an adapter serves (node binding only: `gateway.attach` / `gateway.upgrade`). */
export interface SocketRoute {
  /** The path below `basePath` (e.g. `/chat/v1/ws`). */
  path: string;
  /** The largest frame accepted, in bytes; a larger one closes the socket with 1009. */
  maxPayload: number;
  /** Checks Origin, credentials and limits before any handshake byte is written. */
  decide(request: { url: string; headers: Headers }, info: RouteInfo): Promise<SocketDecision>;
}

/**
 * Routes a channel serves beside `/webhooks/<channel>`: Web-standard `Request` in, `Response` out (a streamed body,
 * such as server-sent events, works on both bindings), plus an optional WebSocket route.
 */
export interface AdapterRoutes {
  /** Every path below `basePath` that starts with this prefix goes to `fetch` (e.g. `/chat/`). */
  prefix: string;
  /** Answers a request under `prefix`; undefined when the adapter has no such route (the gateway answers 404). */
  fetch(request: Request, info: RouteInfo): Promise<Response | undefined>;
  socket?: SocketRoute;
}

/** The routes of all adapters, matched by path below `basePath`. */
export interface RouteTable {
  /** The adapter routes owning `path` (already stripped of `basePath`), if any. */
  match(pathname: string): { routes: AdapterRoutes; path: string } | undefined;
  /** The socket route at `pathname`, if any. */
  socketAt(pathname: string): { route: SocketRoute; path: string } | undefined;
}

/** Builds the route table from the adapters that declare routes. */
export function createRouteTable(all: Iterable<{ routes?: AdapterRoutes }>, basePath: string): RouteTable {
  const declared = [...all].flatMap((a) => (a.routes ? [a.routes] : []));
  const below = (pathname: string): string | undefined => {
    if (basePath === '') return pathname;
    if (!pathname.startsWith(`${basePath}/`)) return undefined;
    return pathname.slice(basePath.length);
  };
  return {
    match(pathname) {
      const path = below(pathname);
      if (path === undefined) return undefined;
      const routes = declared.find((r) => path.startsWith(r.prefix));
      return routes ? { routes, path } : undefined;
    },
    socketAt(pathname) {
      const path = below(pathname);
      if (path === undefined) return undefined;
      const route = declared.find((r) => r.socket?.path === path)?.socket;
      return route ? { route, path } : undefined;
    },
  };
}

/** A JSON 404 for a path under an adapter's prefix that it does not serve. */
export function routeNotFound(path: string): Response {
  return Response.json({ error: 'not_found', message: `[loket] no route ${path}` }, { status: 404 });
}
