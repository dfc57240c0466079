import type { WebchatApi } from './api.js';
import type { SessionAnswer } from './protocol.js';
import type { TransportHandlers, TransportLink, WebSocketConstructor } from './transport.js';
import { openEventStream } from './transport-sse.js';
import { openWebSocket } from './transport-ws.js';

/**
 * Opens the live stream from `after` on: a WebSocket when `Ws` is given (the connection chose it and there is
 * one), Server-Sent Events otherwise. The session's credential authenticates either.
 */
export function openLink(
  Ws: WebSocketConstructor | undefined,
  api: WebchatApi,
  session: SessionAnswer | undefined,
  after: number,
  h: TransportHandlers,
): TransportLink {
  if (Ws) return openWebSocket(Ws, api.url('ws').replace(/^http/, 'ws'), session?.credential ?? '', after, h);
  return openEventStream(api.fetchFn, api.url('stream', { after }), api.headers(), h);
}
