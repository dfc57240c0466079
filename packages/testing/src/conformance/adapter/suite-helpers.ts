import {
  type ChannelAdapter,
  type InboundEvent,
  inboundEventSchema,
  LoketError,
  type WebhookRequest,
} from '@loket/core';
import { expect } from 'vitest';
import { type BodyInput, toBytes } from '../../signing/bytes.js';
import { webhookRequest } from '../../signing/webhook-request.js';
import type { AdapterConformanceOptions } from './adapter-conformance-options.js';

/** An API base URL nothing listens on: inbound cases must never call out. */
export const NO_API = 'http://127.0.0.1:9';

/** A webhook POST of `body`, signed with the scheme's secret (or `secret`); unsigned when the channel has none. */
export function signedRequest(
  o: AdapterConformanceOptions,
  body: BodyInput,
  secret = o.signature ? o.signature.secret : '',
): WebhookRequest {
  const bytes = toBytes(body);
  // A channel without platform signatures (signature: false) gets the bytes unsigned.
  const signature = o.signature ? o.signature.sign(bytes, secret) : {};
  return webhookRequest({
    channel: o.channel,
    headers: { 'content-type': 'application/json', ...signature },
    body: bytes,
  });
}

/** Runs `verify` and answers what it threw or rejected with (undefined when it passed). */
export async function verifyOutcome(adapter: ChannelAdapter, req: WebhookRequest): Promise<{ error?: unknown }> {
  try {
    await adapter.verify(req);
    return {};
  } catch (error) {
    return { error };
  }
}

/** Asserts that an outcome is a refusal with SIGNATURE_INVALID. */
export function expectSignatureInvalid(outcome: { error?: unknown }, what: string): void {
  expect('error' in outcome, `${what}: verify passed but must fail`).toBe(true);
  const { error } = outcome;
  expect(LoketError.is(error), `${what}: verify must fail with a LoketError, got ${String(error)}`).toBe(true);
  expect((error as LoketError).code, what).toBe('SIGNATURE_INVALID');
}

/** An event without its `raw` fragment, for comparison with a fixture's expected events. */
export function stripRaw(event: InboundEvent): Record<string, unknown> {
  const { raw: _raw, ...rest } = event;
  return rest;
}

/** Problems with events an adapter returned: schema failures, a wrong channel, a missing `raw`. */
export function eventProblems(events: unknown, channel: string): string[] {
  if (!Array.isArray(events)) return [`parse returned ${typeof events}, not an array`];
  return events.flatMap((event: unknown, i) => {
    const parsed = inboundEventSchema.safeParse(event);
    if (!parsed.success) return [`event ${i} fails inboundEventSchema: ${parsed.error.message}`];
    const problems: string[] = [];
    if (parsed.data.raw === undefined) problems.push(`event ${i} (${parsed.data.id}) has no raw`);
    if (parsed.data.channel !== channel || parsed.data.conversation.channel !== channel) {
      problems.push(`event ${i} (${parsed.data.id}) is not on channel ${channel}`);
    }
    return problems;
  });
}

/** Parses and answers the events, or the error thrown (which must be a LoketError to be acceptable). */
export function parseOutcome(
  adapter: ChannelAdapter,
  req: WebhookRequest,
): { events?: InboundEvent[]; error?: unknown } {
  try {
    return { events: adapter.parse(req) };
  } catch (error) {
    return { error };
  }
}

/** Checks a parse of a hostile body: either valid events, or a thrown LoketError. Returns the problems found. */
export function robustnessProblems(outcome: { events?: InboundEvent[]; error?: unknown }, channel: string): string[] {
  if ('error' in outcome) {
    return LoketError.is(outcome.error) ? [] : [`threw a non-LoketError: ${describeError(outcome.error)}`];
  }
  return eventProblems(outcome.events, channel);
}

function describeError(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
