import {
  type ChannelId,
  type ConversationRef,
  createGateway,
  type Gateway,
  type GatewayOptions,
  type InboundEvent,
  LoketError,
  loketMessage,
  type Store,
} from '@loket/core';
import { afterEach, beforeEach, vi } from 'vitest';
import { signMeta } from '../../signing/signers.js';
import type { StoreConformanceOptions } from '../store/store-suite-context.js';
import { RECORD_SECRET, type RecordChannel, recordChannel } from './record-channel.js';

/** Monday 2 March 2026, 10:00 UTC: the clock of every case starts here. */
export const T0 = Date.parse('2026-03-02T10:00:00Z');

/** What every record case gets: a started gateway on a fresh store, its channels and a clock it can move. */
export interface RecordCaseContext {
  readonly gateway: Gateway;
  readonly store: Store;
  readonly channels: Record<'whatsapp' | 'messenger' | 'webchat', RecordChannel>;
  /** The gateway's clock (ms); cases move it. */
  clock: number;
  /** Rebuilds the gateway with extra options (retention, sla, autoReply), on the same store. */
  restart(options: Partial<GatewayOptions>): Promise<void>;
  /** The suite's options (the raw search of the store). */
  readonly options: StoreConformanceOptions;
  /** Posts events as the platform would (signed) and waits until the worker handled them. */
  post(channel: ChannelId, events: InboundEvent[]): Promise<void>;
}

/** A conversation of the cases on `channel`; the customer id is one raw-store searches look for. */
export const refOn = (channel: ChannelId, user = '31655500001'): ConversationRef => ({
  channel,
  account: 'biz-1',
  user,
});

/** A customer's text message event. */
export function customerText(ref: ConversationRef, id: string, text: string, at: number): InboundEvent {
  return {
    id,
    type: 'message',
    channel: ref.channel,
    conversation: ref,
    timestamp: at,
    raw: { id, text, from: ref.user },
    messageId: id,
    from: { id: ref.user },
    content: { type: 'text', text },
  };
}

/** Opens a fresh store and a started gateway before each case of the enclosing describe; closes both after. */
export function useRecordGateway(o: StoreConformanceOptions): RecordCaseContext {
  let store: Store | undefined;
  let gateway: Gateway | undefined;
  let channels: RecordCaseContext['channels'] | undefined;
  const need = <T>(v: T | undefined): T => {
    if (v === undefined) throw new LoketError('CONFIG', loketMessage('testing', 'only inside a record case'));
    return v;
  };
  const build = async (options: Partial<GatewayOptions>) => {
    await gateway?.close();
    channels = {
      whatsapp: recordChannel('whatsapp'),
      messenger: recordChannel('messenger', { refuseHandover: true }),
      webchat: recordChannel('webchat'),
    };
    gateway = createGateway({
      channels: Object.values(channels),
      store: need(store),
      now: () => ctx.clock,
      worker: { pollMs: 10, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } },
      ...options,
    });
    await gateway.start();
  };
  const ctx: RecordCaseContext = {
    get gateway() {
      return need(gateway);
    },
    get store() {
      return need(store);
    },
    get channels() {
      return need(channels);
    },
    clock: T0,
    options: o,
    restart: build,
    async post(channel, events) {
      const body = JSON.stringify({ events });
      const res = await need(gateway).fetch(
        new Request(`http://gateway.test/webhooks/${channel}`, {
          method: 'POST',
          headers: { 'x-hub-signature-256': signMeta(body, RECORD_SECRET) },
          body,
        }),
      );
      if (res.status !== 200) throw new LoketError('BAD_REQUEST', loketMessage('testing', `webhook got ${res.status}`));
      const s = need(store);
      await vi.waitFor(
        async () => {
          const stats = await s.inbox.stats();
          if (stats.pending + stats.leased > 0) throw new Error('still handling');
        },
        { timeout: 5000, interval: 5 },
      );
    },
  };
  beforeEach(async () => {
    ctx.clock = T0;
    store = await o.create();
    await build({});
  });
  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
    const s = store;
    store = undefined;
    if (!s) return;
    await s.close();
    await o.cleanup?.(s);
  });
  return ctx;
}
