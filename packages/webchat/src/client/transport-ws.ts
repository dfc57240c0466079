import { WS_SUBPROTOCOL } from './protocol.js';
import type { TransportHandlers, TransportLink, WebSocketConstructor } from './transport.js';

/**
 * Opens the WebSocket stream. The credential travels as the second offered subprotocol, never in the URL, so it
 * stays out of access logs; the first frame resumes from `after`.
 */
export function openWebSocket(
  Ws: WebSocketConstructor,
  url: string,
  credential: string,
  after: number,
  h: TransportHandlers,
): TransportLink {
  let closed = false;
  const socket = new Ws(url, [WS_SUBPROTOCOL, credential]);
  const end = () => {
    if (closed) return;
    closed = true;
    h.onClose();
  };
  socket.onopen = () => {
    h.onOpen();
    socket.send(JSON.stringify({ t: 'resume', after }));
  };
  socket.onmessage = (ev: MessageEvent) => {
    h.onActivity();
    if (typeof ev.data === 'string') h.onText(ev.data);
  };
  socket.onerror = end;
  socket.onclose = end;
  return {
    send(frame) {
      if (socket.readyState === 1) socket.send(JSON.stringify(frame));
    },
    close() {
      closed = true;
      try {
        socket.close();
      } catch (err) {
        // Closing a socket that never connected throws in some runtimes; it is abandoned either way.
        void err;
      }
    },
  };
}
