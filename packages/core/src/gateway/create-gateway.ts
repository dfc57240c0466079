import { createAutoReply } from '../hours/index.js';
import { createInboxWorker } from '../inbox/inbox-worker.js';
import type { InboundEvent } from '../model/events.js';
import { createOutbox } from '../outbox/create-outbox.js';
import { createPolicy } from '../policy/index.js';
import { createPacer } from '../transport/index.js';
import { fetchBinding } from './fetch-binding.js';
import { resolveGatewayOptions } from './gateway-options.js';
import type { Gateway, GatewayOptions } from './gateway-types.js';
import { createHandlerContext } from './handler-context.js';
import { createHandlerRegistry } from './handler-registry.js';
import { nodeBinding } from './node-binding.js';
import { adapterFor, createSendPipeline, validateOutbound } from './send-pipeline.js';
import { createWebhookHandler } from './webhook-handler.js';
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
  const { store, logger, adapters, now } = o;
  for (const adapter of adapters.values()) adapter.bind?.({ store, logger, now });
  const policy = createPolicy({ store, stopWords: o.stopWords, now, logger });
  const send = createSendPipeline({ adapters, store, policy, pacer: createPacer(), logger, now });
  const registry = createHandlerRegistry();

  const deliver = async (event: InboundEvent, attempt: number): Promise<void> => {
    const ctx = createHandlerContext(event, attempt, send, logger);
    for (const handler of registry.handlersFor(event)) await handler(event, ctx);
  };
  const autoReply = o.autoReply
    ? createAutoReply(o.autoReply, { store, send: (m) => send(m), logger, now })
    : undefined;
  const worker = createInboxWorker({ ...o.worker, store, adapters, policy, deliver, autoReply, logger, now });
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
  });

  return {
    fetch: fetchBinding(handle, logger),
    node: nodeBinding(handle, logger),
    on: (type, handler) => registry.on(type, handler),
    send,
    enqueueSend: (message, opts) => outbox.enqueueSend(message, opts),
    broadcast: (recipients, content, opts) => outbox.broadcast(recipients, content, opts),
    broadcastStatus: (id) => outbox.broadcastStatus(id),
    onOutbox: (listener) => outbox.onOutbox(listener),
    consent: policy.consent,
    adapters,
    store,
    async start() {
      worker.start();
      outbox.start();
      started = true;
      stopWakeups ??= await subscribeWorkWakeups(store, { inbox: worker.wake, outbox: outbox.wake }, logger);
    },
    close() {
      closing ??= (async () => {
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
