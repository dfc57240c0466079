import { backoffDelay } from './backoff.js';
import { parseFrame, type ServerFrame } from './protocol.js';
import type { TransportHandlers, TransportLink } from './transport.js';

/** The connection state, as `[role=status][data-connection]` shows it. */
export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'offline';
/** Which transport carries the stream. */
export type TransportKind = 'ws' | 'sse';

/** Timings of the stream; the defaults notice a dead link within about ten seconds. */
export interface ConnectionTimings {
  /** WebSocket: how often the client pings (the server answers `hb`). Default 3000. */
  pingMs?: number;
  /** WebSocket: silence after which the link counts as dead. Default 8000. */
  heartbeatTimeoutMs?: number;
  /** SSE: silence after which the link counts as dead (the server sends `hb` on its own). Default 45000. */
  sseHeartbeatTimeoutMs?: number;
  /** WebSocket failures in a row (never reaching `ready`) before switching to SSE. Default 2. */
  wsFailuresBeforeSse?: number;
}

/** What the connection needs from the client. */
export interface ConnectionDeps {
  open(kind: TransportKind, h: TransportHandlers): TransportLink;
  canUseWebSocket: boolean;
  onFrame(frame: ServerFrame): void;
  onState(state: ConnectionState, transport: TransportKind): void;
  /** The link dropped: a chance to catch up over HTTP (and to notice a revoked credential). */
  onDrop(): void;
  isOnline(): boolean;
  debug(message: string): void;
}

/**
 * Keeps one live stream: a watchdog on the heartbeat replaces a silent link at once (a half-open TCP link can sit
 * in CLOSING for minutes, so it never waits for `onclose`), other drops back off exponentially with jitter, and
 * repeated WebSocket failures fall back to SSE.
 */
export class Connection {
  private link: TransportLink | undefined;
  private generation = 0;
  private attempt = 0;
  private wsFailures = 0;
  private readySeen = false;
  private hbSeen = false;
  /** The server answered no ping on a link that was up: it only beats on its own, so wait as long as for SSE. */
  private pingsUnanswered = false;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private pinger: ReturnType<typeof setInterval> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private unknownLogged = false;
  state: ConnectionState = 'connecting';
  transport: TransportKind = 'ws';
  private readonly t: Required<ConnectionTimings>;

  constructor(
    private readonly deps: ConnectionDeps,
    timings: ConnectionTimings = {},
  ) {
    this.t = {
      pingMs: timings.pingMs ?? 3000,
      heartbeatTimeoutMs: timings.heartbeatTimeoutMs ?? 8000,
      sseHeartbeatTimeoutMs: timings.sseHeartbeatTimeoutMs ?? 45_000,
      wsFailuresBeforeSse: timings.wsFailuresBeforeSse ?? 2,
    };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.connect();
  }

  stop(): void {
    this.running = false;
    this.generation++;
    this.clearTimers();
    this.link?.close();
    this.link = undefined;
  }

  /** Reconnect now if not online (the network came back, the page became visible); probe the link otherwise. */
  kick(): void {
    if (!this.running) return;
    if (this.state === 'online') {
      if (this.link?.send) {
        this.link.send({ t: 'ping' });
        this.arm(this.generation, Math.min(3000, this.t.heartbeatTimeoutMs));
      }
      return;
    }
    this.attempt = 0;
    this.connect();
  }

  /** The browser says the network went away: say so, and probe the link (a frame back proves it alive). */
  offline(): void {
    if (!this.running) return;
    this.setState('offline');
    if (this.link?.send) {
      this.link.send({ t: 'ping' });
      this.arm(this.generation, Math.min(3000, this.t.heartbeatTimeoutMs));
    }
  }

  private connect(): void {
    this.clearTimers();
    this.link?.close();
    const gen = ++this.generation;
    this.readySeen = false;
    this.hbSeen = false;
    this.transport = this.deps.canUseWebSocket && this.wsFailures < this.t.wsFailuresBeforeSse ? 'ws' : 'sse';
    const live = () => gen === this.generation;
    this.link = this.deps.open(this.transport, {
      onOpen: () => {
        if (live()) this.arm(gen);
      },
      onActivity: () => {
        if (live()) this.arm(gen);
      },
      onText: (text) => {
        if (live()) this.receive(text);
      },
      onClose: () => {
        if (live()) this.drop(false);
      },
    });
    this.arm(gen);
    if (this.transport === 'ws') {
      this.pinger = setInterval(() => this.link?.send?.({ t: 'ping' }), this.t.pingMs);
    }
  }

  private receive(text: string): void {
    const frame = parseFrame(text);
    if (!frame) {
      if (!this.unknownLogged) console.warn('[loket] [webchat] ignored a frame it does not understand:', text);
      this.unknownLogged = true;
      return;
    }
    if (frame.t === 'hb') this.hbSeen = true;
    if (frame.t === 'ready') {
      this.readySeen = true;
      this.attempt = 0;
      if (this.transport === 'ws') this.wsFailures = 0;
    }
    if (this.readySeen) this.setState('online');
    this.deps.onFrame(frame);
  }

  private arm(gen: number, ms?: number): void {
    clearTimeout(this.watchdog);
    const slow = this.transport === 'sse' || this.pingsUnanswered;
    const timeout = ms ?? (slow ? this.t.sseHeartbeatTimeoutMs : this.t.heartbeatTimeoutMs);
    this.watchdog = setTimeout(() => {
      if (gen !== this.generation) return;
      this.deps.debug(`no heartbeat for ${timeout} ms: replacing the ${this.transport} link`);
      if (this.transport === 'ws' && this.readySeen && !this.hbSeen) this.pingsUnanswered = true;
      this.drop(true);
    }, timeout);
  }

  private drop(byWatchdog: boolean): void {
    if (!this.running) return;
    if (this.transport === 'ws' && !this.readySeen) this.wsFailures++;
    this.clearTimers();
    this.link?.close();
    this.link = undefined;
    this.generation++;
    this.setState(this.deps.isOnline() ? (this.state === 'connecting' ? 'connecting' : 'reconnecting') : 'offline');
    this.deps.onDrop();
    // A watchdog drop replaces a link that looked alive: connect at once, the network is probably fine.
    const delay = byWatchdog && this.readySeen ? 0 : backoffDelay(this.attempt++);
    this.retry = setTimeout(() => this.connect(), delay);
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    this.deps.onState(state, this.transport);
  }

  private clearTimers(): void {
    clearTimeout(this.watchdog);
    clearTimeout(this.retry);
    clearInterval(this.pinger);
  }
}
