import { type InboundEvent, LoketError, type Logger, loketMessage, silentLogger } from '@loket/core';
import { isAaaEnvelope, parseAaa } from './twitter-dm-parse-aaa.js';
import { isXaaEnvelope, parseXaa } from './twitter-dm-parse-xaa.js';

function badRequest(text: string, cause?: unknown): LoketError {
  return new LoketError('BAD_REQUEST', loketMessage('twitter-dm', text), { channel: 'twitter-dm', cause });
}

/**
 * Normalizes one verified X webhook body into events, for both envelopes: the Account Activity API
 * (`for_user_id`, `direct_message_events[]`, …) and the X Activity API (`data.event_type: "dm.*"`). Every item
 * of every array becomes an event; what is not modelled is `unsupported` with `raw`. A body that is not JSON, or
 * neither envelope, throws `BAD_REQUEST`: the gateway keeps it as a dead letter with its raw bytes.
 *
 * @example
 * const events = parseTwitterDmWebhook(req.body);
 */
export function parseTwitterDmWebhook(body: Uint8Array, logger: Logger = silentLogger): InboundEvent[] {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body));
  } catch (err) {
    throw badRequest('webhook body is not JSON', err);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw badRequest('webhook body is not a JSON object');
  }
  const envelope = json as Record<string, unknown>;
  const events = isXaaEnvelope(envelope)
    ? parseXaa(envelope)
    : isAaaEnvelope(envelope)
      ? parseAaa(envelope)
      : undefined;
  if (!events) throw badRequest('webhook body is neither an Account Activity nor an X Activity delivery');
  for (const e of events) {
    if (e.type === 'unsupported') logger.debug({ id: e.id, reason: e.reason }, 'twitter-dm: unsupported webhook item');
  }
  return events;
}
