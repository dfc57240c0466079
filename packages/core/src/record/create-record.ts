import type { ChannelAdapter } from '../adapter.js';
import { LoketError, loketMessage } from '../errors.js';
import { logOnce } from '../call-adapter.js';
import type { Logger } from '../logger.js';
import type { ChannelId, ConversationRef } from '../model/conversation.js';
import type { InboundEvent } from '../model/events.js';
import type { OutboundMessage, SendOptions, SendReceipt } from '../model/outbound.js';
import type { SendingAuthor } from '../gateway/send-pipeline.js';
import type { Store } from '../store/store.js';
import { consentRecordingStore } from './consent-record.js';
import { createContactsApi } from './contacts-api.js';
import { createHandoff } from './handoff.js';
import { createHistory } from './history.js';
import { createPrivacyApi } from './privacy-api.js';
import type { Controller } from './record-entries.js';
import { checkRef } from './record-input.js';
import { createRecorder } from './recorder.js';
import { type RetentionOptions, startRetention } from './retention.js';
import { createSlaApi } from './sla-api.js';
import { createSlaWatch, type SlaListener, type SlaWatchOptions } from './sla-watch.js';

type PipelineSend = (message: OutboundMessage, options?: SendOptions, as?: SendingAuthor) => Promise<SendReceipt>;

/** What the record needs from the gateway. */
export interface RecordDeps {
  store: Store;
  adapters: ReadonlyMap<ChannelId, ChannelAdapter>;
  logger: Logger;
  now: () => number;
  retention?: RetentionOptions;
  sla?: SlaWatchOptions;
  /** Runs the user's handlers for an event the record makes (the `handover` of `gateway.handoff`). */
  deliver(event: InboundEvent, attempt: number): Promise<void>;
}

const AUTO_REPLY: SendingAuthor = { kind: 'system', id: 'auto-reply' };

/** The organisation's record, wired for one gateway: the recorder, the controller, the public record APIs. */
export function createRecord(deps: RecordDeps) {
  const { store, adapters, logger, now } = deps;
  const recorder = createRecorder({ store, adapters });
  const handoffs = createHandoff({ store, adapters, recorder, logger, now, emit: (e) => deps.deliver(e, 1) });
  const watch = deps.sla ? createSlaWatch(deps.sla, { store, logger, now }) : undefined;
  const history = createHistory(store);
  let retention: { stop(): void } | undefined;

  return {
    recorder,
    /** The store as the policy sees it: consent changes go into the log too. */
    policyStore: consentRecordingStore(store, recorder),
    controllerOf: handoffs.controllerOf,
    /** Bookkeeping before the handlers: the event into the log, platform handovers into the controller. */
    async observe(event: InboundEvent): Promise<void> {
      await recorder.inbound(event);
      await handoffs.observe(event);
    },
    /** The auto-reply's send: written by `system`, with an `auto-reply` entry beside the message. */
    autoReplySend(send: PipelineSend) {
      return async (message: OutboundMessage, info: { period: string }): Promise<SendReceipt> => {
        const receipt = await send(message, {}, AUTO_REPLY);
        try {
          const data = { messageId: receipt.messageId, period: info.period };
          await recorder.append(message.to, 'auto-reply', data, now(), `auto-reply:${info.period}`);
        } catch (err) {
          logOnce(logger, 'error', err, 'auto-reply: could not record it in the store');
        }
        return receipt;
      };
    },
    /** Wraps a handler registered with `{ when }` so that it runs only under that controller. */
    when<E, C extends { controller: Controller }, R>(
      handler: (event: E, ctx: C) => R,
      when?: Controller,
    ): (event: E, ctx: C) => R | undefined {
      if (when === undefined) return handler;
      if (when !== 'bot' && when !== 'human') {
        throw new LoketError('BAD_REQUEST', loketMessage('gateway', "on: `when` must be 'bot' or 'human'"));
      }
      return (event, ctx) => (ctx.controller === when ? handler(event, ctx) : undefined);
    },
    onSla(listener: SlaListener): () => void {
      if (!watch) {
        throw new LoketError(
          'CONFIG',
          loketMessage('gateway', "on('sla'): pass createGateway({ sla: { target } }) first"),
        );
      }
      return watch.on(listener);
    },
    api: {
      history: history.history,
      conversations: history.conversations,
      contacts: createContactsApi(store),
      handoff: handoffs.handoff,
      controller: async (ref: ConversationRef) => handoffs.controllerOf(checkRef(ref, 'controller')),
      sla: createSlaApi(store, deps.sla, watch?.check, now),
      privacy: createPrivacyApi({ store, adapters, logger, now }),
    },
    start(): void {
      watch?.start();
      if (deps.retention) retention ??= startRetention(deps.retention, { store, logger, now });
    },
    stop(): void {
      watch?.stop();
      retention?.stop();
      retention = undefined;
    },
  };
}
