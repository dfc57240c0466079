/**
 * Server → client frames, on both transports (WebSocket messages and SSE `data:` lines), over the type of the log
 * event they carry: the server's wire form or the client's checked one. Shared by both sides of the protocol.
 */
export type ServerFrameOf<E> =
  | { t: 'event'; e: E }
  | { t: 'ready'; head: number }
  | { t: 'reset'; head: number }
  | { t: 'typing'; on: boolean }
  | { t: 'hb' };
