import { type Content, LoketError } from '@loket/core';
import { WebchatApi } from './api.js';
import { backoffDelay } from './backoff.js';
import type { StatusChange, WebchatClientEvents, WebchatClientOptions } from './client-options.js';
import { Connection, type ConnectionState, type TransportKind } from './connection.js';
import { Emitter } from './emitter.js';
import { LogCursor } from './log-cursor.js';
import { Outbox } from './outbox.js';
import {
  type LogEvent,
  parseEventsPage,
  parseMessageData,
  parseSession,
  type ServerFrame,
  type SessionAnswer,
} from './protocol.js';
import { randomId } from './random-id.js';
import { browserStorage, PersistentState, storagePrefix } from './storage.js';
import { type ChatMessage, Transcript, type TranscriptChange } from './transcript.js';
import { openEventStream } from './transport-sse.js';
import { openWebSocket } from './transport-ws.js';
import { mediaFromAnswer, mediaKindOf, type UploadProgress, uploadFile } from './upload.js';
import { Watermarks } from './watermarks.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const g = globalThis as unknown as {
  addEventListener?: (type: string, fn: () => void) => void;
  removeEventListener?: (type: string, fn: () => void) => void;
  document?: Document;
  navigator?: Navigator;
  WebSocket?: WebchatClientOptions['WebSocket'];
};

/**
 * The headless web chat client: one conversation, kept through reloads, bad networks and device changes.
 * Framework-free; the widget is one UI on it, a React or Vue component can be another.
 */
export class WebchatClient {
  private readonly api: WebchatApi;
  private readonly state: PersistentState;
  private readonly outbox: Outbox;
  private readonly events = new Emitter<WebchatClientEvents>();
  private transcript = new Transcript();
  private cursor: LogCursor;
  private readonly connection: Connection;
  private readonly marks: Watermarks;
  private session: SessionAnswer | undefined;
  private getToken: WebchatClientOptions['getToken'];
  private started: Promise<void> | undefined;
  private signedOut = false;
  private reauthing: Promise<boolean> | undefined;
  private catchingUp: Promise<void> | undefined;
  private flushing = false;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private sendAttempt = 0;
  private oldest: number | undefined;
  private lastTyping = 0;
  private readonly listeners: [string, () => void][] = [];
  private readonly lastStatus = new Map<string, string>();

  constructor(private readonly options: WebchatClientOptions) {
    if (!options.server) {
      throw new LoketError('CONFIG', '[loket] [webchat] server is missing: pass createWebchatClient({ server })');
    }
    const server = options.server.replace(/\/+$/, '');
    const storage = options.storage ?? 'local';
    const backend = typeof storage === 'string' ? browserStorage(storage) : storage;
    this.state = new PersistentState(backend, storagePrefix(server), (l) => this.debug(l));
    if (this.state.hasStoredState) this.state.allowWrites();
    this.outbox = new Outbox(this.state);
    this.getToken = options.getToken;
    this.api = new WebchatApi(
      server,
      options.fetch ?? globalThis.fetch.bind(globalThis),
      () => this.session?.credential,
    );
    this.cursor = this.newCursor();
    this.marks = new Watermarks((body) => this.call({ method: 'POST', path: 'receipts', json: body }));
    this.marks.onUnread = (n) => this.events.emit('unread', n);
    const Ws = options.WebSocket === undefined ? g.WebSocket : options.WebSocket;
    this.connection = new Connection(
      {
        canUseWebSocket: Boolean(Ws),
        open: (kind, h) => {
          const credential = this.session?.credential ?? '';
          const after = this.cursor.lastSeq;
          if (kind === 'ws' && Ws) {
            return openWebSocket(Ws, this.api.url('ws').replace(/^http/, 'ws'), credential, after, h);
          }
          return openEventStream(this.api.fetchFn, this.api.url('stream', { after }), this.api.headers(), h);
        },
        onFrame: (f) => this.onFrame(f),
        onState: (state, transport) => this.events.emit('connection', { state, transport }),
        onDrop: () => void this.catchUp().catch((err) => this.debug(`catch-up failed: ${err}`)),
        isOnline: () => g.navigator?.onLine !== false,
        debug: (l) => this.debug(l),
      },
      options.timings,
    );
    for (const e of this.outbox.list()) this.transcript.local(e.clientMessageId, e.content, e.at, e.failed);
  }

  /** Subscribes to one of the client's events; returns the unsubscribe function. */
  on<K extends keyof WebchatClientEvents>(name: K, listener: (value: WebchatClientEvents[K]) => void): () => void {
    return this.events.on(name, listener);
  }

  /** The messages known so far, oldest first (unsent ones last). */
  messages(): ChatMessage[] {
    const seqOf = (m: ChatMessage) => m.seq ?? Number.MAX_SAFE_INTEGER;
    return this.transcript.all().sort((a, b) => seqOf(a) - seqOf(b) || a.at - b.at);
  }

  /** The connection's state and transport. */
  get connectionState(): { state: ConnectionState; transport: TransportKind } {
    return { state: this.connection.state, transport: this.connection.transport };
  }

  /** The conversation, once the session is open. */
  get conversation(): SessionAnswer | undefined {
    return this.session;
  }

  /** How many of the customer's messages wait in the outbox (unsent, or failed for good). */
  get pending(): number {
    return this.outbox.list().length;
  }

  /** Whether the server refused the credential and a fresh token. */
  get isSignedOut(): boolean {
    return this.signedOut;
  }

  /** Opens the session, loads the newest history page, sends what the outbox holds and opens the stream. */
  start(): Promise<void> {
    this.started ??= this.open().catch((err: unknown) => {
      this.started = undefined;
      throw err;
    });
    return this.started;
  }

  private async open(): Promise<void> {
    this.emitConnection('connecting');
    for (let attempt = 0; !this.session; attempt++) {
      try {
        await this.openSession();
      } catch (err) {
        if (LoketError.is(err) && err.code === 'AUTH_FAILED') return this.signOut();
        const wait = LoketError.is(err) && err.retryAfterMs !== undefined ? err.retryAfterMs : backoffDelay(attempt);
        this.debug(`session failed (${err}), again in ${wait} ms`);
        if (g.navigator?.onLine === false) this.emitConnection('offline');
        await sleep(wait);
      }
    }
    await this.loadNewest();
    this.listen();
    this.connection.start();
    this.flush();
  }

  private async openSession(): Promise<void> {
    const token = this.getToken ? await this.getToken() : undefined;
    const stored = this.state.get('credential') ?? undefined;
    let answer: unknown;
    if (token) {
      answer = await this.exchange(token, this.state.get('identity') === 'verified' ? undefined : stored);
    } else {
      try {
        answer = await this.api.request({ method: 'POST', path: 'session', json: {}, bearer: stored ?? null });
      } catch (err) {
        // A revoked anonymous credential: start a new anonymous conversation rather than sign out.
        if (!(LoketError.is(err) && err.code === 'AUTH_FAILED' && stored)) throw err;
        this.state.delete('credential');
        answer = await this.api.request({ method: 'POST', path: 'session', json: {}, bearer: null });
      }
    }
    const session = parseSession(answer);
    if (!session) {
      throw new LoketError('PLATFORM_ERROR', '[loket] [webchat] POST session answered without a credential', {
        channel: 'webchat',
      });
    }
    const previous = this.session?.conversation;
    this.session = session;
    this.state.set('credential', session.credential);
    if (token) this.state.set('identity', 'verified');
    else this.state.delete('identity');
    if (previous && JSON.stringify(previous) !== JSON.stringify(session.conversation)) this.clearConversation();
    this.events.emit('session', session);
    if (token) this.events.emit('auth', 'signed-in');
  }

  /**
   * Exchanges the host's JWT for a credential. The anonymous credential rides along in the body, so the server
   * can merge the visitor's conversation into the customer's; a server that refuses the extra field is asked
   * again without it.
   */
  private async exchange(token: string, anonymous: string | undefined): Promise<unknown> {
    if (anonymous) {
      try {
        return await this.api.request({
          method: 'POST',
          path: 'session',
          json: { credential: anonymous },
          bearer: token,
        });
      } catch (err) {
        if (!LoketError.is(err) || (err.code !== 'BAD_REQUEST' && err.code !== 'AUTH_FAILED')) throw err;
      }
    }
    return this.api.request({ method: 'POST', path: 'session', json: {}, bearer: token });
  }

  private async loadNewest(): Promise<void> {
    const head = this.session?.head ?? 0;
    if (head <= this.cursor.lastSeq) return;
    const page = parseEventsPage(
      await this.call({ method: 'GET', path: 'events', query: { before: head + 1, limit: this.pageSize } }),
    );
    const first = page?.events.reduce((min, e) => Math.min(min, e.seq), head + 1) ?? head + 1;
    if (this.cursor.lastSeq < first - 1) this.cursor.lastSeq = first - 1;
    this.oldest = Math.min(this.oldest ?? first, first);
    this.cursor.accept(page?.events ?? []);
    this.events.emit('history', { hasMore: first > 1 });
  }

  /** Loads the page of history before the oldest message shown; resolves whether there is more. */
  async loadOlder(): Promise<boolean> {
    if (this.oldest === undefined || this.oldest <= 1) return false;
    const page = parseEventsPage(
      await this.call({ method: 'GET', path: 'events', query: { before: this.oldest, limit: this.pageSize } }),
    );
    const events = (page?.events ?? []).filter((e) => e.seq < (this.oldest ?? 0)).sort((a, b) => a.seq - b.seq);
    for (const e of events) this.applyEvent(e, true);
    this.oldest = events[0]?.seq ?? 1;
    const hasMore = events.length > 0 && this.oldest > 1;
    this.events.emit('history', { hasMore });
    return hasMore;
  }

  /** Sends a message: shown at once as `sending`, kept in the outbox until the server acknowledges it. */
  send(content: Content | string): ChatMessage {
    const body: Content = typeof content === 'string' ? { type: 'text', text: content } : content;
    this.state.allowWrites();
    const clientMessageId = randomId();
    const at = Date.now();
    this.outbox.add({ clientMessageId, content: body, at });
    const change = this.transcript.local(clientMessageId, body, at);
    this.publish(change);
    this.flush();
    return change.message;
  }

  /** Tries a failed send again, with its original `clientMessageId`. */
  retry(key: string): void {
    const m = this.transcript.get(key);
    if (!m?.clientMessageId || !this.outbox.get(m.clientMessageId)) return;
    this.outbox.update(m.clientMessageId, { failed: undefined });
    this.publish(this.transcript.setState(key, 'sending'));
    this.sendAttempt = 0;
    this.flush();
  }

  /** Drops a failed send from the outbox and the transcript. */
  discard(key: string): void {
    const m = this.transcript.get(key);
    if (m?.state !== 'failed' || !m.clientMessageId) return;
    this.outbox.remove(m.clientMessageId);
    this.transcript.remove(key);
    this.events.emit('remove', key);
  }

  /** Uploads a file (with progress) and sends it as image, video, audio (a voice note with `voice`) or file. */
  async sendFile(
    file: Blob & { name?: string },
    options: { caption?: string; voice?: boolean; onProgress?: (p: UploadProgress) => void } = {},
  ): Promise<ChatMessage> {
    this.state.allowWrites();
    await this.start();
    const key = randomId();
    const answer = await this.withAuth(() =>
      uploadFile(this.api, file, (p) => {
        options.onProgress?.(p);
        this.events.emit('upload', { key, ...p });
      }),
    );
    const media = mediaFromAnswer(answer, file);
    // The server sniffs the bytes and says which kind they are; the MIME type is the fallback.
    const sniffed = (answer as { kind?: unknown } | undefined)?.kind;
    const kinds = ['image', 'video', 'audio', 'file', 'sticker'];
    const type = options.voice
      ? 'audio'
      : typeof sniffed === 'string' && kinds.includes(sniffed)
        ? sniffed
        : mediaKindOf(media.mimeType ?? '');
    return this.send({
      type,
      media,
      ...(options.caption ? { caption: options.caption } : {}),
      ...(options.voice ? { voice: true } : {}),
    } as Content);
  }

  /** The customer is typing: tells the server at most once per `typingIntervalMs`. */
  typing(): void {
    const now = Date.now();
    if (!this.session || now - this.lastTyping < (this.options.typingIntervalMs ?? 3000)) return;
    this.lastTyping = now;
    this.call({ method: 'POST', path: 'typing', json: { on: true } }).catch((err) => this.debug(`typing: ${err}`));
  }

  /** Whether the chat is open on screen: read receipts go out only while it is and the page is visible. */
  setOpen(open: boolean): void {
    this.marks.open = open;
    this.marks.visible = g.document?.visibilityState !== 'hidden';
    this.marks.push();
  }

  /** Logs in (or out, with no callback): a new session with the host's token; the anonymous history merges. */
  async identify(getToken: WebchatClientOptions['getToken']): Promise<void> {
    this.getToken = getToken;
    this.signedOut = false;
    this.state.allowWrites();
    if (!this.session && !this.started) return this.start();
    await this.started?.catch(() => undefined);
    if (!this.session) return this.start();
    await this.openSession();
    await this.loadNewest();
    this.connection.stop();
    this.connection.start();
    this.flush();
  }

  /** Logout: stops, and forgets the credential, the outbox and the transcript. */
  reset(): void {
    this.stop();
    this.outbox.clear();
    this.state.delete('credential');
    this.session = undefined;
    this.started = undefined;
    this.signedOut = false;
    this.getToken = undefined;
    this.clearConversation();
  }

  /** Closes the stream and removes the page listeners. */
  stop(): void {
    this.connection.stop();
    clearTimeout(this.flushTimer);
    this.marks.stop();
    for (const [type, fn] of this.listeners.splice(0)) {
      if (type === 'visibilitychange') g.document?.removeEventListener(type, fn);
      else g.removeEventListener?.(type, fn);
    }
  }

  private get pageSize(): number {
    return this.options.pageSize ?? 50;
  }

  private newCursor(lastSeq = 0): LogCursor {
    return new LogCursor((e) => this.applyEvent(e, false), lastSeq);
  }

  private clearConversation(): void {
    this.transcript = new Transcript();
    this.cursor = this.newCursor();
    this.oldest = undefined;
    this.marks.clear();
    this.events.emit('reset', undefined);
    for (const e of this.outbox.list())
      this.publish(this.transcript.local(e.clientMessageId, e.content, e.at, e.failed));
  }

  private listen(): void {
    if (this.listeners.length > 0) return;
    const online = () => {
      this.connection.kick();
      this.sendAttempt = 0;
      this.flush();
    };
    const visible = () => {
      this.marks.visible = g.document?.visibilityState !== 'hidden';
      if (!this.marks.visible) return;
      this.marks.push();
      online();
    };
    this.listeners.push(['online', online], ['offline', () => this.connection.offline()]);
    for (const [type, fn] of this.listeners) g.addEventListener?.(type, fn);
    this.listeners.push(['visibilitychange', visible]);
    g.document?.addEventListener('visibilitychange', visible);
  }

  private onFrame(frame: ServerFrame): void {
    if (frame.t === 'event') {
      if (this.cursor.accept([frame.e])) void this.catchUp().catch((err) => this.debug(`catch-up: ${err}`));
    } else if (frame.t === 'ready' || frame.t === 'reset') {
      if (frame.head > this.cursor.lastSeq) void this.catchUp().catch((err) => this.debug(`catch-up: ${err}`));
      if (frame.t === 'ready') this.flush();
    } else if (frame.t === 'typing') {
      this.events.emit('typing', frame.on);
    }
  }

  /** Pages `GET events?after=` until the gap behind the last applied seq is closed. */
  private catchUp(): Promise<void> {
    this.catchingUp ??= (async () => {
      try {
        for (let round = 0; round < 1000; round++) {
          const after = this.cursor.lastSeq;
          const page = parseEventsPage(
            await this.call({ method: 'GET', path: 'events', query: { after, limit: 100 } }),
          );
          if (!page) return;
          const gap = this.cursor.accept(page.events);
          if (page.events.length === 0) {
            if (gap) this.cursor.skipGap();
            return;
          }
          if (!gap && this.cursor.lastSeq >= page.head) return;
        }
      } finally {
        this.catchingUp = undefined;
      }
    })();
    return this.catchingUp;
  }

  private applyEvent(e: LogEvent, fromHistory: boolean): void {
    if (!fromHistory) this.events.emit('event', e);
    if (e.kind === 'message') {
      const data = parseMessageData(e.data);
      if (!data) {
        this.debug(`message event ${e.seq} lacks fields; ignored`);
        return;
      }
      this.publish(this.transcript.fromLog(data, e.seq, e.at));
      // The log already holds a message the outbox still waits to hear about (its answer was lost): done.
      if (data.clientMessageId && this.outbox.get(data.clientMessageId)) this.outbox.remove(data.clientMessageId);
      if (data.author.kind !== 'customer') this.marks.incoming(e.seq);
    } else if (e.kind === 'receipt') {
      this.applyReceipt(e.data);
    } else if (e.kind === 'availability' || e.kind === 'conversation') {
      if (!fromHistory || e.kind === 'availability') this.events.emit(e.kind, e.data);
    }
  }

  private applyReceipt(data: Record<string, unknown>): void {
    const who = data.author ?? data.by ?? data.reader ?? data.side;
    const kind = typeof who === 'object' && who !== null ? (who as { kind?: unknown }).kind : who;
    const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
    if (kind === 'customer') {
      this.marks.seen(num(data.deliveredSeq), num(data.readSeq));
      return;
    }
    let delivered = num(data.deliveredSeq);
    let read = num(data.readSeq);
    if (typeof data.messageId === 'string') {
      const seq = this.transcript.seqOf(data.messageId);
      if (seq !== undefined && data.status === 'delivered') delivered = seq;
      else if (seq !== undefined) read = seq;
    }
    for (const change of this.transcript.watermarks(delivered, read)) this.publish(change);
  }

  private publish(change: TranscriptChange | undefined): void {
    if (!change) return;
    if (change.replaces) this.events.emit('remove', change.replaces);
    const m = change.message;
    this.events.emit('message', m);
    if (m.author.kind === 'customer' && this.lastStatus.get(m.key) !== m.state) {
      this.lastStatus.set(m.key, m.state);
      const status: StatusChange = { key: m.key, state: m.state };
      if (m.clientMessageId) status.clientMessageId = m.clientMessageId;
      if (m.messageId) status.messageId = m.messageId;
      if (m.seq !== undefined) status.seq = m.seq;
      if (m.error) status.error = m.error;
      this.events.emit('status', status);
    }
  }

  /** Sends the outbox in order; network trouble backs off, 429 waits, a refusal marks the message failed. */
  private flush(): void {
    if (this.flushing || !this.session || this.signedOut) return;
    this.flushing = true;
    clearTimeout(this.flushTimer);
    void this.drainOutbox().finally(() => {
      this.flushing = false;
    });
  }

  private async drainOutbox(): Promise<void> {
    for (let next = this.outbox.list().find((e) => !e.failed); next; next = this.outbox.list().find((e) => !e.failed)) {
      const { clientMessageId, content } = next;
      try {
        const answer = (await this.call({
          method: 'POST',
          path: 'messages',
          json: { clientMessageId, content },
        })) as { messageId?: unknown; seq?: unknown } | undefined;
        this.outbox.remove(clientMessageId);
        this.sendAttempt = 0;
        if (typeof answer?.messageId === 'string' && typeof answer.seq === 'number') {
          this.publish(this.transcript.acknowledged(clientMessageId, answer.messageId, answer.seq));
        }
      } catch (err) {
        if (!LoketError.is(err) || err.code === 'AUTH_FAILED') return;
        if (err.code === 'RATE_LIMITED') {
          await sleep(err.retryAfterMs ?? 1000);
        } else if (err.retryable) {
          this.flushTimer = setTimeout(() => this.flush(), backoffDelay(this.sendAttempt++));
          return;
        } else {
          this.outbox.update(clientMessageId, { failed: err.code });
          this.publish(this.transcript.setState(clientMessageId, 'failed', err.code));
        }
      }
    }
  }

  /** One HTTP call with the session's credential; a 401 gets one re-authentication, then sign-out. */
  private call(c: Parameters<WebchatApi['request']>[0]): Promise<unknown> {
    return this.withAuth(() => this.api.request(c));
  }

  private async withAuth<T>(fn: () => Promise<T>): Promise<T> {
    if (this.signedOut) throw new LoketError('AUTH_FAILED', '[loket] [webchat] signed out', { channel: 'webchat' });
    try {
      return await fn();
    } catch (err) {
      if (!LoketError.is(err) || err.code !== 'AUTH_FAILED') throw err;
      if (!(await this.reauth())) throw err;
      try {
        return await fn();
      } catch (again) {
        if (LoketError.is(again) && again.code === 'AUTH_FAILED') this.signOut();
        throw again;
      }
    }
  }

  private reauth(): Promise<boolean> {
    this.reauthing ??= this.openSession()
      .then(() => true)
      .catch(() => {
        this.signOut();
        return false;
      })
      .finally(() => setTimeout(() => (this.reauthing = undefined), 0));
    return this.reauthing;
  }

  private signOut(): void {
    if (this.signedOut) return;
    this.signedOut = true;
    this.connection.stop();
    this.emitConnection('offline');
    this.events.emit('auth', 'signed-out');
  }

  private emitConnection(state: ConnectionState): void {
    this.connection.state = state;
    this.events.emit('connection', { state, transport: this.connection.transport });
  }

  private debug(line: string): void {
    const d = this.options.debug;
    if (typeof d === 'function') d(line);
    else if (d) console.debug(`[loket] [webchat] ${line}`);
  }
}

/**
 * Creates the headless web chat client. Call `start()` to connect.
 *
 * @example
 * const chat = createWebchatClient({ server: 'https://shop.example' });
 * chat.on('message', (m) => render(m));
 * await chat.start();
 * chat.send('Where is my parcel?');
 */
export function createWebchatClient(options: WebchatClientOptions): WebchatClient {
  return new WebchatClient(options);
}
