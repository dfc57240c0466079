import type { ChannelAdapter, WebhookReply, WebhookRequest } from '../adapter.js';
import { LoketError, loketMessage, toLoketError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ChannelId } from '../model/conversation.js';
import type { Store } from '../store/store.js';
import { isBodyAlreadyRead, tellStderrOnce } from './body-already-read.js';
import { callAdapter, logOnce } from '../call-adapter.js';
import { matchRoute, pathOf } from './gateway-routes.js';
import { checkDeclaredLength } from './body-limit.js';
import type { GatewayHealth } from './health.js';
import type { Observer, WebhookRefusal } from './observe.js';
import type { PendingGuard } from './pending-guard.js';
import { errorReply, jsonReply, storeUnavailableReply, withSafetyHeaders } from './webhook-reply.js';

const REFUSAL_BY_STATUS: Record<number, WebhookRefusal> = {
  400: 'bad-request',
  401: 'signature',
  404: 'not-a-handshake',
  405: 'method',
  413: 'too-large',
};

/** A request as a runtime binding hands it over; the body is read only when needed, with the size cap applied. */
export interface IncomingWebhook {
  method: string;
  url: string;
  headers: Headers;
  readBody(limit: number, channel: string): Promise<Uint8Array>;
}

/** What the request path needs. */
export interface WebhookHandlerDeps {
  adapters: ReadonlyMap<ChannelId, ChannelAdapter>;
  store: Store;
  basePath: string;
  maxBodyBytes: number;
  ackTimeoutMs: number;
  logger: Logger;
  now: () => number;
  /** Tells the worker there is new work (it must not run the work on this call stack). */
  wake(): void;
  isClosed(): boolean;
  /** `gateway.observe`: accepted and refused webhooks, with the reason and the ack time. */
  observer?: Observer;
  /** `maxPending`: answer 503 while the inbox is over it. */
  pending?: PendingGuard;
  /** The optional health route: `GET <path>` answers `gateway.health()` as JSON (200 when ok, else 503). */
  health?: { path: string; check: () => Promise<GatewayHealth> };
}

/** The runtime-neutral request path: route, handshake, size cap, verify, enqueue, answer. */
export type WebhookHandler = (incoming: IncomingWebhook) => Promise<WebhookReply | undefined>;

/**
 * Builds the request path. It answers `undefined` for paths that are not webhook routes (so a node binding can
 * call `next()`), and never parses JSON or calls the network: only verify + durable enqueue sit before the 200.
 */
export function createWebhookHandler(deps: WebhookHandlerDeps): WebhookHandler {
  const { adapters, logger } = deps;
  // Why a 503 (or a 404) was answered, for the observe signal; the reply itself stays a plain WebhookReply.
  const reasons = new WeakMap<WebhookReply, WebhookRefusal>();
  const refuse = (reason: WebhookRefusal, reply: WebhookReply): WebhookReply => {
    reasons.set(reply, reason);
    return reply;
  };

  const enqueue = async (adapter: ChannelAdapter, req: WebhookRequest): Promise<WebhookReply> => {
    const entry = {
      channel: adapter.channel,
      request: { method: req.method, url: req.url, headers: Object.fromEntries(req.headers), body: req.body },
      receivedAt: deps.now(),
    };
    const enqueued = deps.store.inbox.enqueue(entry).then(
      (id) => ({ id }),
      (err: unknown) => ({ err }),
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), deps.ackTimeoutMs);
    });
    const result = await Promise.race([enqueued, timeout]);
    clearTimeout(timer);
    if (result === 'timeout') {
      // The store may still take it; the platform's retry then becomes a duplicate that dedupe absorbs.
      logger.warn(
        { channel: adapter.channel, ackTimeoutMs: deps.ackTimeoutMs },
        'store did not take the webhook in time: answered 503',
      );
      return refuse('store-slow', jsonReply(503, { error: 'store too slow, retry later' }));
    }
    if ('err' in result) {
      logOnce(
        logger,
        'error',
        toLoketError(result.err, 'NETWORK', 'store'),
        'store could not take the webhook: answered 503',
        {
          channel: adapter.channel,
        },
      );
      // Not stored, so not acknowledged: the platform delivers it again once the store is back.
      return refuse('store-unavailable', storeUnavailableReply());
    }
    deps.pending?.added();
    logger.debug({ channel: adapter.channel, inboxId: result.id }, 'webhook enqueued');
    deps.wake();
    return { status: 200, body: 'ok' };
  };

  const handshake = async (adapter: ChannelAdapter, req: WebhookRequest): Promise<WebhookReply> => {
    const reply = await callAdapter(adapter, 'handshake', () => adapter.handshake(req), 'BAD_REQUEST', logger);
    return reply ?? jsonReply(404, { error: 'not a subscription check' });
  };

  const receive = async (adapter: ChannelAdapter, incoming: IncomingWebhook): Promise<WebhookReply> => {
    const channel = adapter.channel;
    checkDeclaredLength(incoming.headers.get('content-length'), deps.maxBodyBytes, channel);
    // Past maxPending the platform is asked to come back later: a flood cannot fill memory or disk.
    if (deps.pending?.over()) {
      return refuse('over-capacity', jsonReply(503, { error: 'inbox is full, retry later' }, { 'retry-after': '5' }));
    }
    const body = await incoming.readBody(deps.maxBodyBytes, channel);
    const req: WebhookRequest = { method: incoming.method, url: incoming.url, headers: incoming.headers, body };
    // Meta signs the exact bytes it sent: verify before anything looks inside them.
    await callAdapter(adapter, 'verify', () => adapter.verify(req), 'SIGNATURE_INVALID', logger);
    return enqueue(adapter, req);
  };

  const route = async (incoming: IncomingWebhook): Promise<WebhookReply | undefined> => {
    const path = pathOf(incoming.url);
    if (deps.health && path === deps.health.path && incoming.method.toUpperCase() === 'GET') {
      const report = await deps.health.check();
      return jsonReply(report.ok ? 200 : 503, report as unknown as Record<string, unknown>);
    }
    const route = matchRoute(path, deps.basePath);
    if (route.kind === 'none') return undefined;
    const adapter = adapters.get(route.channel as ChannelId);
    if (!adapter) {
      const reply = jsonReply(404, { error: `no channel ${route.channel}`, channels: [...adapters.keys()] });
      return refuse('unknown-channel', reply);
    }
    if (deps.isClosed()) return refuse('closing', jsonReply(503, { error: 'gateway is closing, retry later' }));
    const method = incoming.method.toUpperCase();
    try {
      if (method === 'GET') {
        return await handshake(adapter, {
          method,
          url: incoming.url,
          headers: incoming.headers,
          body: new Uint8Array(0),
        });
      }
      if (method === 'POST') return await receive(adapter, incoming);
      return jsonReply(405, { error: `method ${method} not allowed` }, { allow: 'GET, POST' });
    } catch (err) {
      // Adapter calls are typed already; anything else here failed while reading the client's body.
      const error = LoketError.is(err)
        ? err
        : new LoketError(
            'BAD_REQUEST',
            loketMessage(adapter.channel, `could not read the webhook body: ${String(err)}`),
            {
              cause: err,
              channel: adapter.channel,
            },
          );
      if (error.code === 'PAYLOAD_TOO_LARGE')
        logger.warn({ channel: adapter.channel, maxBodyBytes: deps.maxBodyBytes }, error.message);
      // A client that went away mid-upload is its own business, not an operator's: debug, not error.
      else if (error !== err) logger.debug({ channel: adapter.channel, err }, error.message);
      else logOnce(logger, 'error', error, error.message, { channel: adapter.channel });
      if (isBodyAlreadyRead(error)) tellStderrOnce(error);
      return errorReply(error);
    }
  };

  const observe = (incoming: IncomingWebhook, reply: WebhookReply, started: number): void => {
    const observer = deps.observer;
    if (!observer?.active) return;
    const at = deps.now();
    const ackMs = performance.now() - started;
    const matched = matchRoute(pathOf(incoming.url), deps.basePath);
    const channel =
      matched.kind === 'webhook' && adapters.has(matched.channel as ChannelId) ? matched.channel : undefined;
    const method = incoming.method.toUpperCase();
    if (channel && method === 'GET' && reply.status !== 404) {
      observer.emit({ type: 'webhook.handshake', at, channel, status: reply.status });
    } else if (channel && reply.status === 200) {
      observer.emit({ type: 'webhook.accepted', at, channel, ackMs });
    } else if (matched.kind === 'webhook') {
      const reason = reasons.get(reply) ?? REFUSAL_BY_STATUS[reply.status] ?? 'error';
      observer.emit({
        type: 'webhook.refused',
        at,
        ...(channel ? { channel } : {}),
        reason,
        status: reply.status,
        ackMs,
      });
    }
  };

  return async (incoming) => {
    const started = performance.now();
    const reply = await route(incoming);
    if (reply === undefined) return undefined;
    observe(incoming, reply, started);
    return withSafetyHeaders(reply);
  };
}
