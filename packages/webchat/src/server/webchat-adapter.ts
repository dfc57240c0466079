import {
  type AdapterRuntime,
  type ChannelAdapter,
  LoketError,
  loketMessage,
  type OutboundMessage,
  refuseUndeclared,
  type SendReceipt,
} from '@loket/core';
import { widgetBundle } from '../bundle/index.js';
import { webchatCapabilities } from './webchat-capabilities.js';
import { requireStoreParts, type WebchatContext } from './webchat-context.js';
import { revokeHash, hashOf } from './webchat-credentials.js';
import { createHub } from './webchat-hub.js';
import { parseEnvelope } from './webchat-inbox.js';
import { resolveWebchatOptions, type WebchatOptions } from './webchat-options.js';
import { webchatRoutes, type WidgetSource } from './webchat-routes.js';
import { sendWebchat } from './webchat-send.js';
import { createTicker } from './webchat-ticker.js';

/** The web chat adapter: a `ChannelAdapter` with its own routes, and credential revocation. */
export interface WebchatAdapter extends ChannelAdapter {
  readonly channel: 'webchat';
  /** Revokes a credential a session answered: its requests get 401 and its streams end. */
  revoke(credential: string): Promise<void>;
}

/** The package's own built widget.js, if this install has it. */
function builtWidget(): { code: string; etag: string } | undefined {
  try {
    return widgetBundle();
  } catch {
    // Not built (a source checkout before `npm run build`): the route answers a 404 that says so.
    return undefined;
  }
}

/** Options beside DESIGN.md's: where `GET widget.js` gets the browser bundle. */
export interface WebchatServeOptions {
  widget?: WidgetSource;
}

/**
 * The web chat channel: Loket's own browser client is the "platform". Its routes live under
 * `<basePath>/webchat/v1/`; its log (the conversation's truth) lives in the gateway's store; its messages go
 * through the same inbox, handlers, policy and `gateway.send` as every other channel.
 *
 * @example
 * const chat = webchat({ identitySecret: process.env.WEBCHAT_SECRET!, allowedOrigins: ['https://shop.example'] });
 * const gateway = createGateway({ channels: [chat], store: sqliteStore({ path: 'loket.db' }) });
 * gateway.on('message', async (event, ctx) => { await ctx.reply({ type: 'text', text: 'Thanks!' }) });
 * const server = http.createServer();
 * gateway.attach(server); // HTTP routes, SSE and the WebSocket
 * await gateway.start();
 * server.listen(3000);
 */
export function webchat(input: WebchatOptions & WebchatServeOptions = {}): WebchatAdapter {
  const { widget, ...rest } = input;
  const options = resolveWebchatOptions(rest);
  let ctx: WebchatContext | undefined;
  const bound = (): WebchatContext => {
    if (ctx) return ctx;
    throw new LoketError(
      'CONFIG',
      loketMessage('webchat', 'the adapter is not bound: pass it to createGateway({ channels })'),
      {
        channel: 'webchat',
      },
    );
  };

  const capabilities = webchatCapabilities(options.limits.attachmentBytes);
  return {
    channel: 'webchat',
    capabilities,
    routes: webchatRoutes(() => ctx, widget ?? builtWidget),
    bind(runtime: AdapterRuntime) {
      const { kv, rates, pubsub } = requireStoreParts(runtime);
      ctx = {
        options,
        runtime,
        kv,
        rates,
        hub: createHub(pubsub, runtime.logger),
        ticker: createTicker(options.heartbeatMs),
        refOf: (contactId) => ({ channel: 'webchat', account: options.siteId, user: contactId }),
      };
    },
    // The web chat has no platform subscription check.
    handshake: () => undefined,
    verify() {
      // Nothing may post as the web chat's "platform": customers write through POST messages, with a credential.
      throw new LoketError(
        'SIGNATURE_INVALID',
        loketMessage('webchat', 'the web chat takes no webhooks: clients post to /webchat/v1/messages'),
        { channel: 'webchat' },
      );
    },
    parse: parseEnvelope,
    send: async (message: OutboundMessage): Promise<SendReceipt> => {
      refuseUndeclared(message, capabilities, 'webchat');
      return sendWebchat(bound(), message);
    },
    revoke: (credential) => revokeHash(bound().kv, hashOf(credential)),
  };
}
