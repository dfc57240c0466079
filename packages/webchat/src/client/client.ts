import { type Content, LoketError } from '@loket/core';
import { WebchatApi } from './api.js';
import { backoffDelay } from './backoff.js';
import { AuthGuard } from './auth-guard.js';
import type { WebchatClientEvents, WebchatClientOptions } from './client-options.js';
import { Connection, type ConnectionState, type TransportKind } from './connection.js';
import { Emitter } from './emitter.js';
import { HistoryPages } from './history-pages.js';
import { createCatchUp } from './log-catch-up.js';
import { LogCursor } from './log-cursor.js';
import { Outbox } from './outbox.js';
import { OutboxSender } from './outbox-sender.js';
import { debugLine, listenToPage, page as g, pageVisible, sleep } from './page.js';
import { type LogEvent, parseEventsPage, parseMessageData, type ServerFrame, type SessionAnswer } from './protocol.js';
import { randomId } from './random-id.js';
import { receiptOf, StatusChanges } from './receipts.js';
import { requestSession } from './session-request.js';
import { browserStorage, PersistentState, storagePrefix } from './storage.js';
import { type ChatMessage, Transcript, type TranscriptChange } from './transcript.js';
import { openLink } from './open-link.js';
import { type FileSendOptions, fileContent, type UploadProgress, uploadFile } from './upload.js';
import { Watermarks } from './watermarks.js';

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
  private readonly auth: AuthGuard;
  private readonly catchUp: () => Promise<void>;
  private readonly sender: OutboxSender;
  private readonly history: HistoryPages;
  private lastTyping = 0;
  private unlisten: (() => void) | undefined;
  private readonly statuses = new StatusChanges();

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
    this.auth = new AuthGuard(
      () => this.openSession(),
      () => {
        this.connection.stop();
        this.emitConnection('offline');
        this.events.emit('auth', 'signed-out');
      },
    );
    this.sender = new OutboxSender({
      outbox: this.outbox,
      canSend: () => this.session !== undefined && !this.auth.signedOut,
      post: (json) => this.call({ method: 'POST', path: 'messages', json }),
      acknowledged: (id, messageId, seq) => this.publish(this.transcript.acknowledged(id, messageId, seq)),
      failed: (id, code) => this.publish(this.transcript.setState(id, 'failed', code)),
    });
    this.getToken = options.getToken;
    this.api = new WebchatApi(
      server,
      options.fetch ?? globalThis.fetch.bind(globalThis),
      () => this.session?.credential,
    );
    this.cursor = this.newCursor();
    this.catchUp = createCatchUp(
      () => this.cursor,
      async (after) =>
        parseEventsPage(await this.call({ method: 'GET', path: 'events', query: { after, limit: 100 } })),
    );
    this.history = new HistoryPages(async (before) =>
      parseEventsPage(
        await this.call({ method: 'GET', path: 'events', query: { before, limit: this.options.pageSize ?? 50 } }),
      ),
    );
    this.marks = new Watermarks((body) => this.call({ method: 'POST', path: 'receipts', json: body }));
    this.marks.onUnread = (n) => this.events.emit('unread', n);
    const Ws = options.WebSocket === undefined ? g.WebSocket : options.WebSocket;
    this.connection = new Connection(
      {
        canUseWebSocket: Boolean(Ws),
        open: (kind, h) =>
          openLink(kind === 'ws' && Ws ? Ws : undefined, this.api, this.session, this.cursor.lastSeq, h),
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
    return this.transcript.ordered();
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
    return this.auth.signedOut;
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
        if (LoketError.is(err) && err.code === 'AUTH_FAILED') return this.auth.signOut();
        const wait = LoketError.is(err) && err.retryAfterMs !== undefined ? err.retryAfterMs : backoffDelay(attempt);
        this.debug(`session failed (${err}), again in ${wait} ms`);
        if (g.navigator?.onLine === false) this.emitConnection('offline');
        await sleep(wait);
      }
    }
    await this.loadNewest();
    this.listen();
    this.connection.start();
    this.sender.flush();
  }

  private async openSession(): Promise<void> {
    const token = this.getToken ? await this.getToken() : undefined;
    const session = await requestSession(this.api, {
      token,
      stored: this.state.get('credential') ?? undefined,
      verified: this.state.get('identity') === 'verified',
      forgetStored: () => this.state.delete('credential'),
    });
    const previous = this.session?.conversation;
    this.session = session;
    this.state.set('credential', session.credential);
    if (token) this.state.set('identity', 'verified');
    else this.state.delete('identity');
    if (previous && JSON.stringify(previous) !== JSON.stringify(session.conversation)) this.clearConversation();
    this.events.emit('session', session);
    if (token) this.events.emit('auth', 'signed-in');
  }

  private async loadNewest(): Promise<void> {
    const hasMore = await this.history.newest(this.session?.head ?? 0, this.cursor);
    if (hasMore !== undefined) this.events.emit('history', { hasMore });
  }

  /** Loads the page of history before the oldest message shown; resolves whether there is more. */
  async loadOlder(): Promise<boolean> {
    const hasMore = await this.history.older((e) => this.applyEvent(e, true));
    if (hasMore === undefined) return false;
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
    this.sender.flush();
    return change.message;
  }

  /** Tries a failed send again, with its original `clientMessageId`. */
  retry(key: string): void {
    const m = this.transcript.get(key);
    if (!m?.clientMessageId || !this.outbox.get(m.clientMessageId)) return;
    this.outbox.update(m.clientMessageId, { failed: undefined });
    this.publish(this.transcript.setState(key, 'sending'));
    this.sender.flush(true);
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
    options: FileSendOptions & { onProgress?: (p: UploadProgress) => void } = {},
  ): Promise<ChatMessage> {
    this.state.allowWrites();
    await this.start();
    const key = randomId();
    const answer = await this.auth.run(() =>
      uploadFile(this.api, file, (p) => {
        options.onProgress?.(p);
        this.events.emit('upload', { key, ...p });
      }),
    );
    return this.send(fileContent(answer, file, options));
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
    this.marks.visible = pageVisible();
    this.marks.push();
  }

  /** Logs in (or out, with no callback): a new session with the host's token; the anonymous history merges. */
  async identify(getToken: WebchatClientOptions['getToken']): Promise<void> {
    this.getToken = getToken;
    this.auth.signedOut = false;
    this.state.allowWrites();
    if (!this.session && !this.started) return this.start();
    await this.started?.catch(() => undefined);
    if (!this.session) return this.start();
    await this.openSession();
    await this.loadNewest();
    this.connection.stop();
    this.connection.start();
    this.sender.flush();
  }

  /** Logout: stops, and forgets the credential, the outbox and the transcript. */
  reset(): void {
    this.stop();
    this.outbox.clear();
    this.state.delete('credential');
    this.session = undefined;
    this.started = undefined;
    this.auth.signedOut = false;
    this.getToken = undefined;
    this.clearConversation();
  }

  /** Closes the stream and removes the page listeners. */
  stop(): void {
    this.connection.stop();
    this.sender.stop();
    this.marks.stop();
    this.unlisten?.();
    this.unlisten = undefined;
  }

  private newCursor(lastSeq = 0): LogCursor {
    return new LogCursor((e) => this.applyEvent(e, false), lastSeq);
  }

  private clearConversation(): void {
    this.transcript = new Transcript();
    this.cursor = this.newCursor();
    this.history.oldest = undefined;
    this.marks.clear();
    this.events.emit('reset', undefined);
    for (const e of this.outbox.list())
      this.publish(this.transcript.local(e.clientMessageId, e.content, e.at, e.failed));
  }

  private listen(): void {
    if (this.unlisten) return;
    const online = () => {
      this.connection.kick();
      this.sender.flush(true);
    };
    this.unlisten = listenToPage({
      online,
      offline: () => this.connection.offline(),
      visibility: () => {
        this.marks.visible = pageVisible();
        if (!this.marks.visible) return;
        this.marks.push();
        online();
      },
    });
  }

  private onFrame(frame: ServerFrame): void {
    if (frame.t === 'event') {
      if (this.cursor.accept([frame.e])) void this.catchUp().catch((err) => this.debug(`catch-up: ${err}`));
    } else if (frame.t === 'ready' || frame.t === 'reset') {
      if (frame.head > this.cursor.lastSeq) void this.catchUp().catch((err) => this.debug(`catch-up: ${err}`));
      if (frame.t === 'ready') this.sender.flush();
    } else if (frame.t === 'typing') {
      this.events.emit('typing', frame.on);
    }
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
    const { by, delivered, read } = receiptOf(data, (id) => this.transcript.seqOf(id));
    if (by === 'customer') this.marks.seen(delivered, read);
    else for (const change of this.transcript.watermarks(delivered, read)) this.publish(change);
  }

  private publish(change: TranscriptChange | undefined): void {
    if (!change) return;
    if (change.replaces) this.events.emit('remove', change.replaces);
    const m = change.message;
    this.events.emit('message', m);
    const status = this.statuses.changed(m);
    if (status) this.events.emit('status', status);
  }

  /** One HTTP call with the session's credential; a 401 gets one re-authentication, then sign-out. */
  private call(c: Parameters<WebchatApi['request']>[0]): Promise<unknown> {
    return this.auth.run(() => this.api.request(c));
  }

  private emitConnection(state: ConnectionState): void {
    this.connection.state = state;
    this.events.emit('connection', { state, transport: this.connection.transport });
  }

  private debug(line: string): void {
    debugLine(this.options.debug, line);
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
