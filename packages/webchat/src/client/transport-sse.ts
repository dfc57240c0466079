import type { TransportHandlers, TransportLink } from './transport.js';

/** Splits an SSE byte stream into `data:` blocks, one frame each (`id:` and comments carry nothing we need). */
export class SseParser {
  private buffer = '';
  private data: string[] = [];

  constructor(private readonly onData: (text: string) => void) {}

  push(chunk: string): void {
    this.buffer += chunk;
    const lines = this.buffer.split(/\r\n|\r|\n/);
    this.buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') {
        if (this.data.length > 0) this.onData(this.data.join('\n'));
        this.data = [];
      } else if (line.startsWith('data:')) {
        this.data.push(line.slice(line[5] === ' ' ? 6 : 5));
      }
    }
  }
}

/**
 * Reads the SSE stream with fetch rather than EventSource, so the credential rides in the Authorization header and
 * the client, not the browser, decides when and where to reconnect.
 */
export function openEventStream(
  fetchFn: typeof fetch,
  url: string,
  headers: Record<string, string>,
  h: TransportHandlers,
): TransportLink {
  const abort = new AbortController();
  let closed = false;
  const end = () => {
    if (closed) return;
    closed = true;
    h.onClose();
  };
  (async () => {
    const res = await fetchFn(url, {
      headers: { ...headers, accept: 'text/event-stream' },
      signal: abort.signal,
      cache: 'no-store',
    });
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      return;
    }
    h.onOpen();
    const parser = new SseParser((text) => h.onText(text));
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done || closed) break;
      h.onActivity();
      parser.push(decoder.decode(value, { stream: true }));
    }
  })()
    .catch((err: unknown) => {
      // An aborted or broken stream is an ordinary end: the connection decides what comes next.
      void err;
    })
    .finally(end);
  return {
    close() {
      closed = true;
      abort.abort();
    },
  };
}
