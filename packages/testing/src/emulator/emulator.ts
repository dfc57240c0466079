import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type ChannelId, LoketError, loketMessage } from '@loket/core';
import { closeServer, listen } from '../http/node-http.js';
import { dispatchRequest, writeReply } from './dispatch-request.js';
import type { EmulatorChannel, EmulatorContext, PendingFailure, StoredMedia } from './emulator-channel.js';
import type {
  EmulatorEvents,
  EmulatorOptions,
  Injection,
  RecordedRequest,
  SentMessage,
  WebhookDelivery,
} from './emulator-types.js';
import { graphError } from './graph/graph-error.js';
import { newNumericId } from './ids.js';
import { InjectionQueue } from './injections.js';
import { type DeliverWebhook, createWebhookSender } from './webhook-sender.js';
import { type WhatsAppCustomer, type WhatsAppCustomerOptions, whatsappCustomer } from './whatsapp/whatsapp-customer.js';
import { whatsappEmulator } from './whatsapp/whatsapp-emulator.js';
import {
  type MessagingCustomer,
  type MessagingCustomerOptions,
  messagingCustomer,
} from './messaging/messaging-customer.js';
import { messagingEmulator } from './messaging/messaging-emulator.js';
import { type XCustomer, type XCustomerOptions, xCustomer } from './x/x-customer.js';
import { xEmulator } from './x/x-emulator.js';
import { x429 } from './x/x-errors.js';
import { xState } from './x/x-state.js';

// Messenger and Instagram first: WhatsApp's module answers any `/<id>/messages`.
const CHANNELS: readonly EmulatorChannel[] = [
  messagingEmulator('instagram'),
  messagingEmulator('messenger'),
  whatsappEmulator,
];
const DEFAULT_STATUS_DELAY_MS = 25;

/**
 * A local stand-in for the platforms' send APIs (WhatsApp Cloud API, Messenger and Instagram Send APIs, X DMs): records what it receives, answers like
 * the platform, injects failures, and fires signed webhooks at a gateway. Create it with {@link createEmulator}.
 */
export class Emulator extends EventEmitter<EmulatorEvents> {
  /** Where webhooks go (`<gatewayUrl>/webhooks/<channel>`); may be set after start. */
  gatewayUrl: string | undefined;
  /** Every request answered, oldest first. */
  readonly requests: RecordedRequest[] = [];
  /** Every message accepted, oldest first. */
  readonly sent: SentMessage[] = [];
  /** Every webhook fired, oldest first. */
  readonly webhooks: WebhookDelivery[] = [];
  readonly #options: EmulatorOptions;
  readonly #server: Server;
  readonly #injections = new InjectionQueue();
  readonly #failures: PendingFailure[] = [];
  readonly #media = new Map<string, StoredMedia>();
  readonly #accounts = new Map<string, ChannelId>();
  readonly #background = new Set<Promise<unknown>>();
  readonly #deliver: DeliverWebhook;
  readonly #x = xState();
  readonly #channels: readonly EmulatorChannel[];
  #url = '';

  /** @internal Use {@link createEmulator}. */
  constructor(options: EmulatorOptions) {
    super();
    if (!options.appSecret)
      throw new LoketError(
        'CONFIG',
        loketMessage('emulator', 'appSecret is missing: pass it to createEmulator({...})'),
      );
    this.#options = options;
    this.gatewayUrl = options.gatewayUrl;
    const xSecrets = () => ({
      consumerSecret: options.x?.consumerSecret ?? options.appSecret,
      clientSecret: options.x?.clientSecret,
    });
    this.#channels = [
      xEmulator({ state: this.#x, secrets: xSecrets, envelope: () => options.x?.envelope ?? 'aaa' }),
      ...CHANNELS,
    ];
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((err: unknown) => {
        // A broken request (aborted upload) must not take the emulator down; answer like Graph's own 500.
        const { body } = graphError({ code: 1, details: err instanceof Error ? err.message : String(err) });
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      });
    });
    this.#deliver = createWebhookSender({
      channels: this.#channels,
      appSecret: options.appSecret,
      gatewayUrl: () => this.gatewayUrl,
      now: () => this.#now(),
      onDelivery: (delivery) => this.#onDelivery(delivery),
    });
  }

  /** The emulator's base URL (`http://127.0.0.1:<port>`): pass it as an adapter's `apiBaseUrl`. */
  get url(): string {
    return this.#url;
  }

  /** @internal */
  async start(): Promise<this> {
    this.#url = await listen(this.#server, this.#options.port ?? 0, this.#options.host ?? '127.0.0.1');
    return this;
  }

  /** Forgets recorded requests, sent messages, webhooks, pending injections and queued failures. */
  clear(): void {
    this.requests.length = 0;
    this.sent.length = 0;
    this.webhooks.length = 0;
    this.#failures.length = 0;
    this.#injections.clear();
  }

  /** Answers the next matching request(s) with a canned response instead of the platform's normal answer. */
  inject(injection: Injection): void {
    this.#injections.add(injection);
  }

  /** The next request(s) get 429 with `retry-after` (seconds, default 1) and Graph's throughput error 130429. */
  inject429(options: { retryAfter?: number; times?: number } = {}): void {
    const { body } = graphError({ code: 130429, status: 429 });
    this.inject({
      status: 429,
      headers: { 'retry-after': String(options.retryAfter ?? 1) },
      body,
      times: options.times,
    });
  }

  /** The next request(s) get a transient server error (default 503). */
  inject5xx(options: { status?: number; times?: number } = {}): void {
    this.inject({ status: options.status ?? 503, times: options.times });
  }

  /** The next request(s) get a Graph error with this code (and subcode): `injectGraphError(190)`, `(131056)`. */
  injectGraphError(
    code: number,
    subcode?: number,
    options: { status?: number; message?: string; times?: number } = {},
  ): void {
    const { status, body } = graphError({ code, subcode, status: options.status, message: options.message });
    this.inject({ status, body, times: options.times });
  }

  /** The next accepted message is answered normally, then fails asynchronously: a `failed` status with this code. */
  failNextWith(code: number, options: { details?: string } = {}): void {
    this.#failures.push({ code, details: options.details });
  }

  /** Keeps media the emulator serves (`GET /<version>/<id>`), e.g. for a customer's image; answers its id. */
  addMedia(media: { data: Uint8Array; mimeType: string; filename?: string; id?: string }): string {
    const id = media.id ?? newNumericId();
    this.#media.set(id, { ...media, id });
    return id;
  }

  /** A simulated WhatsApp customer writing to `phoneNumberId`. */
  customer(options: WhatsAppCustomerOptions): WhatsAppCustomer {
    return whatsappCustomer(this.#context(), options);
  }

  /** A simulated Messenger user (PSID `user`) writing to the Page `account`. */
  messengerCustomer(options: MessagingCustomerOptions): MessagingCustomer {
    return messagingCustomer(this.#context(), 'messenger', options);
  }

  /** A simulated Instagram user (IGSID `user`) writing to the professional account `account`. */
  instagramCustomer(options: MessagingCustomerOptions): MessagingCustomer {
    return messagingCustomer(this.#context(), 'instagram', options);
  }

  /** A simulated X user (`user`) writing DMs to the subscribed account `account`. */
  xCustomer(options: XCustomerOptions): XCustomer {
    return xCustomer(this.#context(), options, this.#options.x?.envelope ?? 'aaa');
  }

  /** The next X request(s) get 429 with X's headers (`x-rate-limit-*`; with `userCap`, the 24-hour user cap too). */
  injectX429(options: { resetInSeconds?: number; userCap?: boolean; times?: number } = {}): void {
    const { status, headers, json } = x429(this.#now(), options);
    this.inject({ status, headers, body: json, times: options.times, match: { path: /^\/(2|1\.1)\// } });
  }

  /** The next X request(s) get a v1.1-style error with this code: `injectXError(349)` (cannot DM this user), `(226)`. */
  injectXError(code: number, options: { status?: number; message?: string; times?: number } = {}): void {
    const body = { errors: [{ code, message: options.message ?? `Error ${code}` }] };
    this.inject({ status: options.status ?? 403, body, times: options.times, match: { path: /^\/(2|1\.1)\// } });
  }

  /** DMs to this X user fail with 349 (their settings or a block refuse them) until the emulator is closed. */
  xBlock(user: string): void {
    this.#x.blocked.add(user);
  }

  /** X answers 401 to this access token from now on (an expired OAuth 2.0 token). */
  xExpireToken(token: string): void {
    this.#x.expiredTokens.add(token);
  }

  /** How many OAuth 2.0 refreshes the token endpoint granted. */
  get xRefreshes(): number {
    return this.#x.refreshes;
  }

  /** Fires any webhook body (signed, serialized like the platform) at the gateway; resolves with its status. */
  postWebhook(channel: ChannelId, body: unknown, kind = 'custom'): Promise<number> {
    return this.#deliver(channel, kind, body);
  }

  /** Sends the platform's subscription check to the gateway; `ok` when it answered 200 with the challenge. */
  async verifyWebhook(channel: ChannelId = 'whatsapp'): Promise<{ status: number; ok: boolean }> {
    const module = this.#channels.find((c) => c.channel === channel);
    // X's CRC is keyed with the app secret, not a verify token.
    if (!module || !this.gatewayUrl || (!this.#options.verifyToken && channel !== 'twitter-dm')) {
      throw new LoketError(
        'CONFIG',
        loketMessage('emulator', 'verifyWebhook needs gatewayUrl and verifyToken in createEmulator({...})'),
      );
    }
    const check = module.handshake(
      `${this.gatewayUrl.replace(/\/$/, '')}/webhooks/${channel}`,
      this.#options.verifyToken ?? '',
    );
    const res = await fetch(check.url);
    const text = await res.text();
    this.#onDelivery({ channel, kind: 'handshake', url: check.url, body: '', status: res.status, at: this.#now() });
    return { status: res.status, ok: res.status === 200 && text === check.expectedBody };
  }

  /**
   * Resolves with `emulator.sent` once at least `count` messages were accepted (default 1), e.g. the reply a
   * handler sends after a customer's message; rejects with `NETWORK` after `timeoutMs` (default 5000).
   */
  waitForSent(count = 1, timeoutMs = 5000): Promise<SentMessage[]> {
    if (this.sent.length >= count) return Promise.resolve(this.sent);
    return new Promise((resolve, reject) => {
      const onSent = (): void => {
        if (this.sent.length < count) return;
        clearTimeout(timer);
        this.off('sent', onSent);
        resolve(this.sent);
      };
      const timer = setTimeout(() => {
        this.off('sent', onSent);
        const text = `${this.sent.length} of ${count} messages were sent within ${timeoutMs} ms`;
        reject(new LoketError('NETWORK', loketMessage('emulator', text)));
      }, timeoutMs);
      this.on('sent', onSent);
    });
  }

  /** Waits until every scheduled webhook (status callbacks) has been delivered. */
  async flush(): Promise<void> {
    while (this.#background.size > 0) await Promise.allSettled([...this.#background]);
  }

  /** Waits for scheduled webhooks, then stops the server. */
  async close(): Promise<void> {
    await this.flush();
    await closeServer(this.#server);
  }

  #onDelivery(delivery: WebhookDelivery): void {
    this.webhooks.push(delivery);
    this.emit('webhook', delivery);
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }

  #context(): EmulatorContext {
    const auto = this.#options.autoStatuses;
    return {
      baseUrl: this.#url,
      graphVersion: this.#options.graphVersion ?? 'v25.0',
      accessToken: this.#options.accessToken,
      statusDelayMs: auto
        ? auto === true
          ? DEFAULT_STATUS_DELAY_MS
          : (auto.delayMs ?? DEFAULT_STATUS_DELAY_MS)
        : undefined,
      media: this.#media,
      accounts: this.#accounts,
      now: () => this.#now(),
      recordSent: (message) => {
        this.sent.push(message);
        this.emit('sent', message);
      },
      takeFailure: () => this.#failures.shift(),
      background: (task) => {
        // Failed deliveries are already recorded (status 0) and emitted; nothing else is owed to anyone.
        const run = task().catch((err: unknown) => err);
        this.#background.add(run);
        void run.finally(() => this.#background.delete(run));
      },
      deliver: this.#deliver,
    };
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const deps = {
      baseUrl: this.#url,
      channels: this.#channels,
      injections: this.#injections,
      context: this.#context(),
    };
    const { reply, record } = await dispatchRequest(req, { ...deps, now: () => this.#now() });
    this.requests.push(record);
    this.emit('request', record);
    writeReply(res, reply);
  }
}

/**
 * Starts the emulator on a local port.
 *
 * @example
 * const emulator = await createEmulator({ appSecret: 'app-secret', gatewayUrl: 'http://127.0.0.1:3000', autoStatuses: true });
 * const wa = whatsapp({ appSecret: 'app-secret', verifyToken: 'vt', accessToken: 'token', apiBaseUrl: emulator.url });
 * await emulator.customer({ phoneNumberId: '1234', waId: '31612345678', name: 'Ada' }).say('Hi!'); // → 200
 * await emulator.close();
 */
export function createEmulator(options: EmulatorOptions): Promise<Emulator> {
  return new Emulator(options).start();
}
