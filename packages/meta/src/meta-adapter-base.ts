import { type ChannelAdapter, declareSecrets, type Logger, safeLogger, type Transport } from '@loket/core';
import type { GraphErrorTable } from './graph-error-rules.js';
import { createGraphTransport } from './graph-transport.js';
import { metaHandshake } from './meta-handshake.js';
import { verifyMetaSignature } from './meta-signature.js';
import type { MessagingOptions } from './messaging-options.js';

/** The checked options every Meta adapter has (WhatsApp's, Messenger's and Instagram's schemas all output them). */
export type MetaAdapterOptions = Pick<
  MessagingOptions,
  'appSecret' | 'verifyToken' | 'accessToken' | 'apiBaseUrl' | 'graphVersion' | 'logger' | 'transport'
>;

/** What {@link createMetaAdapterBase} builds: the Graph transport, the logger, and the two webhook checks. */
export interface MetaAdapterBase extends Pick<ChannelAdapter, 'handshake' | 'verify'> {
  graph: Transport;
  logger: Logger;
}

/**
 * What every Meta adapter does first with its checked options: declares the secrets (Graph errors may quote the
 * token, so every error and log line scrubs them), wraps the logger, points a Graph transport at the product's
 * host with its error table, and answers the hub.challenge handshake and X-Hub-Signature-256 with its secrets.
 *
 * @example
 * const { graph, logger, handshake, verify } = createMetaAdapterBase(options, { channel: 'whatsapp', errors: WHATSAPP_ERRORS });
 */
export function createMetaAdapterBase(
  options: MetaAdapterOptions,
  product: { channel: string; errors: GraphErrorTable; defaultBaseUrl?: string },
): MetaAdapterBase {
  const { channel } = product;
  declareSecrets(options.appSecret, options.verifyToken, options.accessToken);
  const logger = safeLogger(options.logger);
  const graph = createGraphTransport({
    channel,
    accessToken: options.accessToken,
    apiBaseUrl: options.apiBaseUrl ?? product.defaultBaseUrl,
    graphVersion: options.graphVersion,
    errors: product.errors,
    ...options.transport,
    logger,
  });
  return {
    graph,
    logger,
    handshake: (req) => metaHandshake(req, options.verifyToken),
    verify: (req) => verifyMetaSignature(req, options.appSecret, channel),
  };
}
