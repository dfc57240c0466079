import type { AdapterRuntime, ConversationRef, KeyValueStore, PubSub, RateStore } from '@loket/core';
import { LoketError, loketMessage } from '@loket/core';
import type { WebchatHub } from './webchat-hub.js';
import type { ResolvedWebchatOptions } from './webchat-options.js';
import type { Ticker } from './webchat-ticker.js';

/** Everything the routes, streams and send share once the adapter is bound to a gateway. */
export interface WebchatContext {
  options: ResolvedWebchatOptions;
  runtime: AdapterRuntime;
  kv: KeyValueStore;
  rates: RateStore;
  hub: WebchatHub;
  /** The streams' shared heartbeat timer. */
  ticker: Ticker;
  /** The conversation of a contact on this site. */
  refOf(contactId: string): ConversationRef;
}

/** The store parts the web chat cannot work without; CONFIG naming the missing one. */
export function requireStoreParts(runtime: AdapterRuntime): { kv: KeyValueStore; rates: RateStore; pubsub: PubSub } {
  const { kv, rates, pubsub } = runtime.store;
  const missing = [kv ? '' : 'kv', rates ? '' : 'rates', pubsub ? '' : 'pubsub'].filter(Boolean);
  if (!kv || !rates || !pubsub) {
    throw new LoketError(
      'CONFIG',
      loketMessage(
        'webchat',
        `store ${runtime.store.name} has no ${missing.join(', ')}: use a store that implements them`,
      ),
      { channel: 'webchat' },
    );
  }
  return { kv, rates, pubsub };
}
