import type { Content, ConversationRef } from '@loket/core';
import { openSocket, openSse, type WebchatStream } from './webchat-streams.js';

/** Options of {@link webchatClient}. */
export interface WebchatClientOptions {
  /** The gateway's origin plus its `basePath` (`http://127.0.0.1:3000`). */
  url: string;
  /** A credential from an earlier session (resumes that visitor). */
  credential?: string;
  /** A customer token from `signWebchatToken` (exchanged at the first `session()`). */
  token?: string;
  /** Sent as `Origin` on every request, as a browser would. */
  origin?: string;
}

/** An HTTP answer as the client saw it. */
export interface WebchatAnswer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** What `POST session` answers. */
export interface WebchatSession {
  credential: string;
  contactId: string;
  conversation: ConversationRef;
  head: number;
  verified?: boolean;
}

let counter = 0;
const newClientMessageId = () => `cm-${process.pid}-${Date.now()}-${++counter}`;

/**
 * A Node client of the web chat protocol (DESIGN.md "Web chat"): session, send, receipts, typing, history, and
 * both streams with resume. The tests, the bench and `loket simulate webchat` use it.
 *
 * @example
 * const client = webchatClient({ url: 'http://127.0.0.1:3000' });
 * await client.session();
 * const stream = await client.stream();
 * await client.send('hello');
 * const reply = await stream.frames.next((f) => f.t === 'event' && f.e?.data.author?.kind !== 'customer');
 */
export function webchatClient(options: WebchatClientOptions) {
  const base = `${options.url.replace(/\/+$/, '')}/webchat/v1/`;
  let credential = options.credential;
  let current: WebchatSession | undefined;

  const headers = (extra: Record<string, string>, bearer: string | undefined): Record<string, string> => ({
    ...(options.origin ? { origin: options.origin } : {}),
    ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    ...extra,
  });

  async function request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    extra: { headers?: Record<string, string>; bearer?: string | null } = {},
  ): Promise<WebchatAnswer<T>> {
    const bearer = extra.bearer === null ? undefined : (extra.bearer ?? credential);
    const init: RequestInit = { method, headers: headers({ ...extra.headers }, bearer) };
    if (body !== undefined) {
      init.body =
        typeof body === 'string'
          ? body
          : body instanceof Uint8Array
            ? (body as Uint8Array<ArrayBuffer>)
            : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const response = await fetch(base + path, init);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? {} : JSON.parse(text);
    } catch {
      // Not JSON (widget.js): the text as it is.
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  return {
    /** The current credential (after `session()`). */
    get credential() {
      return credential;
    },
    /** The last session answer. */
    get current() {
      return current;
    },
    request,
    /**
     * `POST session`: mints a visitor, re-validates the credential, or exchanges the token (merging the current
     * anonymous credential into the verified customer when both are known).
     */
    async session(): Promise<WebchatAnswer<WebchatSession>> {
      const answer = options.token
        ? await request<WebchatSession>('POST', 'session', credential ? { credential } : {}, { bearer: options.token })
        : await request<WebchatSession>('POST', 'session', {});
      if (answer.status === 200) {
        current = answer.body;
        credential = answer.body.credential;
        options.token = undefined;
      }
      return answer;
    },
    /** `POST messages`: text or any content, with a fresh `clientMessageId` unless one is given (a retry). */
    send(content: string | Content, extra: { clientMessageId?: string; replyTo?: string } = {}) {
      const body = {
        clientMessageId: extra.clientMessageId ?? newClientMessageId(),
        content: typeof content === 'string' ? { type: 'text', text: content } : content,
        ...(extra.replyTo ? { replyTo: extra.replyTo } : {}),
      };
      return request<{ messageId: string; seq: number }>('POST', 'messages', body);
    },
    receipts: (watermarks: { deliveredSeq?: number; readSeq?: number }) => request('POST', 'receipts', watermarks),
    typing: (on = true) => request('POST', 'typing', { on }),
    /** `GET events`. */
    events(query: { after?: number; before?: number; limit?: number } = {}) {
      const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
      const qs = params.size > 0 ? `?${params}` : '';
      return request<{
        events: { seq: number; kind: string; at: number; data: Record<string, unknown> }[];
        head: number;
      }>('GET', `events${qs}`);
    },
    ticket: () => request<{ ticket: string; expiresAt: number }>('POST', 'stream-ticket'),
    /** Opens a stream (`ws` by default, or `sse`), resuming after `after` when given. */
    async stream(opts: { transport?: 'ws' | 'sse'; after?: number; ticket?: string } = {}): Promise<WebchatStream> {
      if (opts.transport === 'sse') {
        const params = new URLSearchParams();
        if (opts.ticket) params.set('ticket', opts.ticket);
        const qs = params.size > 0 ? `?${params}` : '';
        const extra: Record<string, string> = opts.after === undefined ? {} : { 'last-event-id': String(opts.after) };
        return openSse(`${base}stream${qs}`, headers(extra, opts.ticket ? undefined : credential));
      }
      if (!credential) throw new Error('call session() first');
      const wsUrl = `${base.replace(/^http/, 'ws')}ws`;
      return openSocket(wsUrl, credential, { after: opts.after, origin: options.origin });
    },
  };
}

/** A web chat client (see {@link webchatClient}). */
export type WebchatClient = ReturnType<typeof webchatClient>;
