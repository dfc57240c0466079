import type { ChannelAdapter } from '../adapter.js';
import { LoketError, loketMessage } from '../errors.js';
import { logOnce } from '../call-adapter.js';
import type { Logger } from '../logger.js';
import { type ChannelId, type ConversationRef, conversationKey } from '../model/conversation.js';
import type { EventOf, InboundEvent } from '../model/events.js';
import type { ControllerState } from '../store/record-store.js';
import type { Store } from '../store/store.js';
import type { Controller, HandoverEntryData } from './record-entries.js';
import type { Recorder } from './recorder.js';
import { checkRef } from './record-input.js';

/** Options of `gateway.handoff`. */
export interface HandoffOptions {
  /** Who answers from now on. */
  to: Controller;
  /** Why (kept in the record and passed to the platform as metadata). */
  reason?: string;
}

/** What `gateway.handoff` did. */
export interface HandoffResult {
  conversation: ConversationRef;
  from: Controller;
  to: Controller;
  /** False when the conversation already had that controller (the handover is recorded all the same). */
  changed: boolean;
  at: number;
  /** The platform refused the thread-control call; the controller switched all the same. */
  platformError?: LoketError;
}

/** A platform handover event. */
type HandoverEvent = EventOf<'handover'>;

/** What the handoff needs from the gateway. */
export interface HandoffDeps {
  store: Store;
  adapters: ReadonlyMap<ChannelId, ChannelAdapter>;
  recorder: Recorder;
  logger: Logger;
  now: () => number;
  /** Hands the `handover` event of an API handoff to the user's handlers. */
  emit(event: HandoverEvent): Promise<void>;
}

// The handover protocol's normalized actions: a thread passed to this app is the bot's again; a thread taken
// from it is with a person (the Page inbox or an agent app).
const CONTROLLER_AFTER: Record<string, Controller> = { pass: 'bot', take: 'human' };

/** Who answers each conversation: `gateway.handoff`, platform handover events, and `ctx.controller`. */
export function createHandoff(deps: HandoffDeps) {
  const { store, logger, now } = deps;

  const controllerOf = async (ref: ConversationRef): Promise<Controller> =>
    (await store.conversations.get(ref))?.controller?.by ?? 'bot';

  const setController = async (ref: ConversationRef, state: ControllerState): Promise<void> => {
    if (!store.conversations.setController) {
      throw new LoketError(
        'CONFIG',
        loketMessage('gateway', `the ${store.name} store does not keep conversation controllers: update it`),
      );
    }
    await store.conversations.setController(ref, state);
  };

  /** Tells the platform; a refusal is logged once and answered, never thrown. */
  const tellPlatform = async (ref: ConversationRef, to: Controller, reason?: string) => {
    const adapter = deps.adapters.get(ref.channel);
    if (!adapter?.handover) return undefined;
    try {
      await adapter.handover(ref, reason === undefined ? { to } : { to, reason });
      return undefined;
    } catch (err) {
      const error = LoketError.is(err)
        ? err
        : new LoketError('PLATFORM_ERROR', loketMessage(ref.channel, `handover failed: ${String(err)}`), {
            channel: ref.channel,
            cause: err,
          });
      logOnce(logger, 'warn', error, `${ref.channel} refused the handover: the controller switched all the same`, {
        channel: ref.channel,
        to,
      });
      return error;
    }
  };

  return {
    controllerOf,

    async handoff(input: ConversationRef, options: HandoffOptions): Promise<HandoffResult> {
      const ref = checkRef(input, 'handoff');
      if (options?.to !== 'bot' && options?.to !== 'human') {
        throw new LoketError('BAD_REQUEST', loketMessage('gateway', "handoff: `to` must be 'bot' or 'human'"));
      }
      const { to, reason } = options;
      const from = await controllerOf(ref);
      const at = now();
      const platformError = await tellPlatform(ref, to, reason);
      await setController(ref, reason === undefined ? { by: to, at } : { by: to, at, reason });
      const data: HandoverEntryData = { from, to, source: 'api' };
      if (reason !== undefined) data.reason = reason;
      if (platformError) data.platformError = { code: platformError.code, message: platformError.message };
      await deps.recorder.append(ref, 'handover', data, at);
      const event: HandoverEvent = {
        id: `handoff:${conversationKey(ref)}:${at}`,
        type: 'handover',
        channel: ref.channel,
        conversation: ref,
        timestamp: at,
        raw: { source: 'api', ...(reason !== undefined && { reason }) },
        action: 'handoff',
        from,
        to,
      };
      try {
        await deps.emit(event);
      } catch (err) {
        logOnce(logger, 'error', err, 'a handover handler failed', { channel: ref.channel });
      }
      const result: HandoffResult = { conversation: ref, from, to, changed: from !== to, at };
      if (platformError) result.platformError = platformError;
      return result;
    },

    /** A platform handover event (before the handlers see it): the controller follows the thread. */
    async observe(event: InboundEvent): Promise<void> {
      if (event.type !== 'handover') return;
      const to = CONTROLLER_AFTER[event.action];
      if (to === undefined) return;
      const from = await controllerOf(event.conversation);
      await setController(event.conversation, { by: to, at: event.timestamp, reason: `platform:${event.action}` });
      const data: HandoverEntryData = { from, to, source: 'platform', action: event.action };
      await deps.recorder.append(event.conversation, 'handover', data, event.timestamp, `event:${event.id}`);
    },
  };
}

/** The handoff API of a gateway. */
export type Handoffs = ReturnType<typeof createHandoff>;
