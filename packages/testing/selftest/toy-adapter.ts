import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import {
  type Capabilities,
  type ChannelAdapter,
  type InboundEvent,
  LoketError,
  type OutboundMessage,
  refuseUndeclared,
  type WebhookRequest,
} from '@loket/core';

/** Mistakes the conformance suite must catch; `none` is a correct adapter. */
export const TOY_DEFECTS = [
  'none',
  'reserialize-before-hmac',
  'crash-on-short-signature',
  'first-entry-only',
  'drop-unknown-kinds',
  'random-ids',
  'throw-on-null',
  'handshake-any-token',
  'wrong-send-path',
  'rate-limit-as-platform-error',
  'nan-timestamp',
] as const;
/** One of {@link TOY_DEFECTS}. */
export type ToyDefect = (typeof TOY_DEFECTS)[number];

/** The toy channel's fixtures use this secret and verify token. */
export const TOY_SECRET = 'toy-secret';
/** The verify token of the toy channel's handshake. */
export const TOY_VERIFY_TOKEN = 'toy-verify-token';

const capabilities: Capabilities = {
  text: { maxLength: 1000, unit: 'chars' },
  media: {},
  mediaSources: { url: false, id: false, upload: false },
  templates: false,
  location: false,
  contacts: false,
  reactions: false,
  typing: false,
  readReceipts: false,
  replyTo: false,
  window: null,
  pacing: {},
};

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function toEvent(item: unknown, account: string, defect: ToyDefect): InboundEvent {
  if (defect !== 'throw-on-null' && !isObj(item)) {
    return {
      id: `bad:${JSON.stringify(item)}`,
      type: 'unsupported',
      reason: 'not an object',
      channel: 'webchat',
      conversation: { channel: 'webchat', account, user: '*' },
      timestamp: 0,
      raw: item,
    };
  }
  const m = item as Json;
  const user = typeof m.from === 'string' && m.from ? m.from : '*';
  const rawTs = defect === 'nan-timestamp' ? Number(m.ts) : typeof m.ts === 'number' ? m.ts : 0;
  const base = {
    channel: 'webchat' as const,
    conversation: { channel: 'webchat' as const, account, user },
    timestamp: rawTs * 1000,
    raw: item,
  };
  const id =
    (defect === 'random-ids' ? randomUUID() : '') +
    (typeof m.id === 'string' && m.id ? m.id : `anon:${JSON.stringify(item)}`);
  const text = isObj(m.text) ? m.text.body : undefined;
  if (m.type === 'text' && typeof text === 'string') {
    return { ...base, id, type: 'message', messageId: id, from: { id: user }, content: { type: 'text', text } };
  }
  return { ...base, id, type: 'unsupported', reason: `unknown type ${String(m.type)}` };
}

function parse(req: WebhookRequest, defect: ToyDefect): InboundEvent[] {
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(req.body));
  } catch (cause) {
    throw new LoketError('BAD_REQUEST', '[loket] [toy] body is not JSON', { cause });
  }
  const entries = isObj(body) && Array.isArray(body.entry) ? body.entry : [];
  const chosen = defect === 'first-entry-only' ? entries.slice(0, 1) : entries;
  const empty = (raw: unknown): InboundEvent => {
    const conversation = { channel: 'webchat' as const, account: '*', user: '*' };
    return { id: 'empty', type: 'unsupported', reason: 'empty', channel: 'webchat', conversation, timestamp: 0, raw };
  };
  if (chosen.length === 0) return [empty(body)];
  return chosen.flatMap((entry: unknown) => {
    const e = (defect === 'throw-on-null' ? entry : isObj(entry) ? entry : {}) as Json;
    const account = typeof e.id === 'string' && e.id ? e.id : '*';
    const items = Array.isArray(e.events) ? e.events : [];
    const events = items.length === 0 ? [empty(entry)] : items.map((item) => toEvent(item, account, defect));
    return defect === 'drop-unknown-kinds' ? events.filter((ev) => ev.type !== 'unsupported') : events;
  });
}

function verify(req: WebhookRequest, defect: ToyDefect): void {
  const header = req.headers.get('x-hub-signature-256') ?? '';
  const bytes =
    defect === 'reserialize-before-hmac' ? JSON.stringify(JSON.parse(new TextDecoder().decode(req.body))) : req.body;
  const expected = Buffer.from(`sha256=${createHmac('sha256', TOY_SECRET).update(bytes).digest('hex')}`);
  const given = Buffer.from(header);
  const sameLength = defect === 'crash-on-short-signature' || given.length === expected.length;
  if (!sameLength || !timingSafeEqual(given, expected))
    throw new LoketError('SIGNATURE_INVALID', '[loket] [toy] bad signature');
}

async function send(message: OutboundMessage, apiBaseUrl: string, defect: ToyDefect) {
  refuseUndeclared(message, capabilities, 'toy');
  const path =
    defect === 'wrong-send-path' ? `/v2/${message.to.account}/messages` : `/v1/${message.to.account}/messages`;
  const text = message.content.type === 'text' ? message.content.text : '';
  const res = await fetch(apiBaseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ to: message.to.user, text }),
  });
  const body = (await res.json().catch((err: unknown) => ({ parseError: String(err) }))) as Json;
  if (!res.ok) {
    const code = isObj(body.error) ? (body.error.code as number | undefined) : undefined;
    if (res.status === 429 && defect !== 'rate-limit-as-platform-error')
      throw new LoketError('RATE_LIMITED', '[loket] [toy] slow down', { platformCode: code });
    if (res.status >= 429)
      throw new LoketError('PLATFORM_ERROR', '[loket] [toy] platform error', { platformCode: code });
    throw new LoketError('BAD_REQUEST', '[loket] [toy] refused', { platformCode: code });
  }
  if (typeof body.message_id !== 'string') throw new LoketError('PLATFORM_ERROR', '[loket] [toy] no message id');
  return { messageId: body.message_id, conversation: message.to, acceptedAt: Date.now() };
}

/** A tiny, correct-unless-told-otherwise adapter for the toy channel (it borrows the `webchat` id). */
export function toyAdapter(options: { apiBaseUrl: string; defect: ToyDefect }): ChannelAdapter {
  const { defect } = options;
  return {
    channel: 'webchat',
    capabilities,
    handshake(req) {
      const q = new URL(req.url).searchParams;
      if (req.method !== 'GET' || !q.has('hub.mode')) return undefined;
      const ok =
        q.get('hub.mode') === 'subscribe' &&
        (defect === 'handshake-any-token' || q.get('hub.verify_token') === TOY_VERIFY_TOKEN);
      return ok ? { status: 200, body: q.get('hub.challenge') ?? '' } : { status: 403, body: 'forbidden' };
    },
    verify: (req) => verify(req, defect),
    parse: (req) => parse(req, defect),
    send: (message) => send(message, options.apiBaseUrl, defect),
  };
}
