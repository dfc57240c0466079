import WebSocket from 'ws';
import { type ClientFrame, FrameQueue } from './webchat-frame-queue.js';

/** An open stream as a test holds it: the frames so far, and how to stop it. */
export interface WebchatStream {
  readonly frames: FrameQueue;
  /** `ws` only: sends a client frame (`{t:'resume', after}`, `{t:'ping'}`). */
  send(frame: Record<string, unknown>): void;
  /** Resolves with the close code (WebSocket) or 0 (SSE ended). */
  readonly closed: Promise<number>;
  close(): Promise<void>;
}

/**
 * Opens the WebSocket stream: the credential goes in `Sec-WebSocket-Protocol` beside `loket.webchat.v1`. With
 * `after`, sends `{t:'resume', after}` first. Rejects with the HTTP status when the upgrade is refused.
 */
export function openSocket(
  wsUrl: string,
  credential: string,
  options: { after?: number; origin?: string; headers?: Record<string, string> } = {},
): Promise<WebchatStream> {
  return new Promise((resolve, reject) => {
    const headers = { ...options.headers, ...(options.origin ? { origin: options.origin } : {}) };
    const socket = new WebSocket(wsUrl, ['loket.webchat.v1', credential], { headers });
    const frames = new FrameQueue();
    const closed = new Promise<number>((done) => socket.on('close', (code) => done(code)));
    socket.on('message', (data) => frames.push(JSON.parse(String(data)) as ClientFrame));
    socket.on('close', () => {
      frames.closed = true;
    });
    socket.once('unexpected-response', (_req, res) => {
      reject(Object.assign(new Error(`upgrade refused with ${res.statusCode}`), { status: res.statusCode }));
      socket.terminate();
    });
    socket.once('error', (err) => reject(err));
    socket.once('open', () => {
      if (options.after !== undefined) socket.send(JSON.stringify({ t: 'resume', after: options.after }));
      resolve({
        frames,
        closed,
        send: (frame) => socket.send(JSON.stringify(frame)),
        async close() {
          if (socket.readyState === WebSocket.CLOSED) return;
          socket.close();
          await closed;
        },
      });
    });
  });
}

function parseSse(text: string, frames: FrameQueue): string {
  let rest = text;
  for (let end = rest.indexOf('\n\n'); end !== -1; end = rest.indexOf('\n\n')) {
    const block = rest.slice(0, end);
    rest = rest.slice(end + 2);
    const data = block
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trimStart())
      .join('\n');
    if (data !== '') frames.push(JSON.parse(data) as ClientFrame);
  }
  return rest;
}

/** Opens the SSE stream with fetch (as the browser client does); rejects with the status when it is refused. */
export async function openSse(url: string, headers: Record<string, string>): Promise<WebchatStream> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  if (!response.ok || !response.body) {
    throw Object.assign(new Error(`stream refused with ${response.status}`), { status: response.status, response });
  }
  const frames = new FrameQueue();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const closed = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer = parseSse(buffer + decoder.decode(value, { stream: true }), frames);
      }
    } catch {
      // Aborted by close().
    }
    frames.closed = true;
    return 0;
  })();
  return {
    frames,
    closed,
    send() {
      throw new Error('SSE is one-way: writes go over POST');
    },
    async close() {
      abort.abort();
      await closed;
    },
  };
}
