import { createAutoReply } from '../hours/auto-reply.js';
import { createInboxWorker } from '../inbox/inbox-worker.js';
import type { InboundEvent } from '../model/events.js';
import { createOutbox } from '../outbox/create-outbox.js';
import { createPolicy } from '../policy/policy.js';
import { createRecord } from '../record/create-record.js';
import { sendAuthor } from '../record/send-author.js';
import type { SlaListener } from '../record/sla-watch.js';
import { createSharedPacer } from '../transport/shared-pacer.js';
import { fetchBinding } from './fetch-binding.js';
import { resolveGatewayOptions } from './gateway-options.js';
import type { EventHandler, Gateway, GatewayOptions, HandlerOptions, HandlerType } from './gateway-types.js';
import { guardStore } from './guard-store.js';
import { createHealth } from './health.js';
import { createObserver } from './observe.js';
import { observedDeliver, observedSend, observedStoreCalls } from './observe-wiring.js';
import { createPendingGuard } from './pending-guard.js';
import { createHandlerContext } from './handler-context.js';
import { createHandlerRegistry } from './handler-registry.js';
import { createRouteTable } from './adapter-routes.js';
import { nodeBinding } from './node-binding.js';
import { fetchWithRoutes, nodeWithRoutes } from './route-bindings.js';
import { createUpgradeHandler } from './ws-upgrade.js';
import { toOutboundMessage } from '../model/outbound.js';
import { adapterFor, createSendPipeline, validateOutbound } from './send-pipeline.js';
import { createWebhookHandler } from './webhook-handler.js';
import { enqueueRequest } from './enqueue-request.js';
import type { WebhookRequest } from '../adapter.js';
import { subscribeWorkWakeups } from './work-wakeups.js';

/**
 * Creates the gateway: webhook routes for every channel (verify, durable enqueue, 200), the inbox worker that
 * hands normalized events to your handlers, and `send` with content checks, policy and pacing.
 * Options are checked up front; a bad one throws a LoketError with code CONFIG that names it.
 *
 * `close()` closes the store only when the gateway created it (no `store` option); a store you pass in is yours
 * to close, so it can outlive the gateway or be shared.
 *
 * @example
 * const gateway = createGateway({ channels: [whatsapp({ ... })], store: memoryStore() });
 * gateway.on('message', async (event, ctx) => { await ctx.reply({ type: 'text', text: 'Thanks!' }) });
 * await gateway.start();
 * http.createServer(gateway.node).listen(3000);
 */
export function createGateway(options: GatewayOptions): Gateway {
  const o = resolveGatewayOptions(options);
  const { logger, adapters, now } = o;
  const observer = createObserver(logger);
  // Store failures reach callers as LoketErrors; some store calls are signals (duplicates, dead letters).
  const store = guardStore(o.store, observedStoreCalls(observer, now));
  for (const adapter of adapters.values()) {
    const enqueue = (request: WebhookRequest) =>
      enqueueRequest(store, adapter.channel, request, now, () => worker.wake());
    adapter.bind?.({ store, logger, now, enqueue, ...(o.autoReply ? { hours: o.autoReply.hours } : {}) });
  }
  const registry = createHandlerRegistry();
  const deliver = observedDeliver(
    async (event: InboundEvent, attempt: number): Promise<void> => {
      const controller = await record.controllerOf(event.conversation);
      const ctx = createHandlerContext(event, attempt, send, logger, controller);
      for (const handler of registry.handlersFor(event)) await handler(event, ctx);
    },
    observer,
    now,
    o.worker.retry.attempts,
  );
  const record = createRecord({ store, adapters, logger, now, retention: o.retention, sla: o.sla, deliver });
  const policy = createPolicy({ store: record.policyStore, stopWords: o.stopWords, now, logger });
  const onWait = (waitMs: number, limit: 'account' | 'recipient', channel: string) =>
    observer.emit({ type: 'send.paced', at: now(), channel, limit, waitMs });
  const pacer = createSharedPacer({ rates: store.rates, logger, onWait });
  const pipeline = createSendPipeline({ adapters, store, policy, pacer, logger, now, recorder: record.recorder });
  const send = observedSend(pipeline, observer, now);
  const autoReply = o.autoReply
    ? createAutoReply(o.autoReply, { store, send: record.autoReplySend(send), logger, now })
    : undefined;
  const worker = createInboxWorker({
    ...o.worker,
    ...{ store, adapters, policy, deliver, autoReply, logger, now, record: record.observe },
  });
  const outbox = createOutbox({
    store,
    settings: o.outbox,
    send,
    consent: policy.consent,
    logger,
    now,
    validate(input) {
      const message = validateOutbound(input);
      adapterFor(adapters, message.to.channel);
      return message;
    },
  });

  const pending = o.maxPending === undefined ? undefined : createPendingGuard(store, o.maxPending, logger, now);
  const health = createHealth({ store, running: () => started && !closing, overCapacity: pending?.over });

  let started = false;
  let toldToStart = false;
  let stopWakeups: (() => Promise<void>) | undefined;
  let closing: Promise<void> | undefined;
  const handle = createWebhookHandler({
    adapters,
    store,
    basePath: o.basePath,
    maxBodyBytes: o.maxBodyBytes,
    ackTimeoutMs: o.ackTimeoutMs,
    logger,
    now,
    wake() {
      if (!started && !toldToStart) {
        toldToStart = true;
        logger.info({}, 'webhooks are kept in the inbox but not handled here: call gateway.start() to run the worker');
      }
      worker.wake();
    },
    isClosed: () => closing !== undefined,
    observer,
    pending,
    health: o.healthPath === undefined ? undefined : { path: o.healthPath, check: health },
  });

  const routes = createRouteTable(adapters.values(), o.basePath);
  const node = nodeWithRoutes(routes, logger, nodeBinding(handle, logger));
  const sockets = createUpgradeHandler(routes, logger);

  return {
    fetch: fetchWithRoutes(routes, logger, fetchBinding(handle, logger)),
    node,
    attach: (server) => sockets.attach(server, node),
    upgrade: (req, socket, head) => sockets.upgrade(req, socket, head),
    on: ((type: HandlerType | 'sla', handler: EventHandler<HandlerType>, options?: HandlerOptions) =>
      type === 'sla'
        ? record.onSla(handler as unknown as SlaListener)
        : registry.on(type, record.when(handler, options?.when))) as Gateway['on'],
    send: (message, options) => send(toOutboundMessage(message), options),
    async enqueueSend(message, opts) {
      sendAuthor(opts?.author, 'agent'); // an unknown author is refused now, not when the job runs
      return outbox.enqueueSend(toOutboundMessage(message), opts);
    },
    broadcast: (recipients, content, opts) => outbox.broadcast(recipients, content, opts),
    broadcastStatus: (id) => outbox.broadcastStatus(id),
    onOutbox: (listener) => outbox.onOutbox(listener),
    consent: policy.consent,
    adapters,
    store,
    ...record.api,
    observe: (listener) => observer.observe(listener),
    health,
    async start() {
      // A store that cannot be reached fails the start with its own error (NETWORK, naming it), before any worker runs.
      await store.inbox.stats();
      worker.start();
      outbox.start();
      record.start();
      started = true;
      stopWakeups ??= await subscribeWorkWakeups(store, { inbox: worker.wake, outbox: outbox.wake }, logger);
    },
    close() {
      closing ??= (async () => {
        record.stop();
        sockets.close();
        await stopWakeups?.();
        await Promise.all([worker.close(), outbox.close()]);
        if (o.ownsStore) await store.close();
      })();
      return closing;
    },
    deadLetters: (opts) => store.inbox.deadLetters(opts),
    async replay(id) {
      const replayed = await store.inbox.replay(id);
      if (replayed) worker.wake();
      return replayed;
    },
  };
}
