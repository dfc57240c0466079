import { createTransport, type Transport, type TransportOptions } from '@loket/core';
import { mapGraphError } from './graph-error.js';
import type { GraphErrorTable } from './graph-error-rules.js';
import { graphBaseUrl } from './graph-url.js';

/** Options of {@link createGraphTransport}: core's transport options, minus what the Graph layer fills in. */
export interface GraphTransportOptions extends Omit<TransportOptions, 'baseUrl' | 'headers' | 'mapError'> {
  /** Sent as `Authorization: Bearer <token>` on every request; a function is asked each time (token rotation). */
  accessToken: string | (() => string);
  apiBaseUrl?: string;
  graphVersion?: string;
  /** The product's error codes; Graph-wide codes are known without it. */
  errors?: GraphErrorTable;
}

/**
 * Core's transport, pointed at the versioned Graph URL, with the Bearer token and the Graph error envelope
 * mapped through the product's code table. Request paths are relative to the version
 * (`{ method: 'POST', path: '/<PHONE_NUMBER_ID>/messages', json }`); an absolute URL (a media download) gets
 * the same token.
 *
 * @example
 * const graph = createGraphTransport({ channel: 'whatsapp', accessToken, graphVersion: 'v25.0', errors: WHATSAPP_ERRORS });
 * await graph.request({ method: 'POST', path: `/${phoneNumberId}/messages`, json: body });
 */
export function createGraphTransport(options: GraphTransportOptions): Transport {
  const { accessToken, apiBaseUrl, graphVersion, errors = {}, ...rest } = options;
  const token = typeof accessToken === 'function' ? accessToken : () => accessToken;
  return createTransport({
    ...rest,
    baseUrl: graphBaseUrl({ apiBaseUrl, graphVersion, channel: rest.channel }),
    headers: () => ({ authorization: `Bearer ${token()}` }),
    mapError: (res) => mapGraphError(res, errors, rest.channel),
  });
}
