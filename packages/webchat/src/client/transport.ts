/** What a transport reports to the connection that owns it. */
export interface TransportHandlers {
  /** The link is up (the WebSocket opened, the SSE response started). */
  onOpen(): void;
  /** One frame's text (a WebSocket message, an SSE `data:` block). */
  onText(text: string): void;
  /** Any sign of life, including SSE comment heartbeats. */
  onActivity(): void;
  /** The link ended, for whatever reason; called at most once. */
  onClose(): void;
}

/** One open stream. `send` exists only where the transport can write (WebSocket). */
export interface TransportLink {
  send?(frame: unknown): void;
  close(): void;
}

/** The constructor of a browser-compatible WebSocket (the global one, or `ws` in Node). */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocket;
