import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ChannelAdapter, WebhookRequest } from '../adapter.js';
import { LoketError } from '../errors.js';
import type { Capabilities } from '../model/capabilities.js';
import type { ChannelId } from '../model/conversation.js';
import type { InboundEvent } from '../model/events.js';
import type { OutboundMessage, SendReceipt } from '../model/outbound.js';
import { textBase } from './test-capabilities.js';

// A test-only adapter over our own tiny webhook format (not any platform's): HMAC-SHA256 hex of the raw body in
// `x-test-signature`, a `?challenge=&token=` handshake, and a body of events for several conversations.

/** One event in the test format. */
export interface TestWireEvent {
  id: string;
  kind: 'text' | 'status' | 'reaction' | 'read' | 'typing' | 'echo' | 'handover' | 'consent' | 'mystery';
  user: string;
  ts: number;
  text?: string;
  messageId?: string;
  status?: 'sent' | 'delivered' | 'read' | 'failed';
  emoji?: string | null;
  /** `handover`: the protocol's action (`pass`, `take`). */
  action?: string;
  /** `consent`. */
  consent?: 'granted' | 'revoked';
}

/** Capabilities of the test channel: short texts, no buttons (so menus become numbered text), no window. */
export const testCapabilities: Capabilities = {
  ...textBase,
  text: { maxLength: 100, unit: 'chars' },
  mediaSources: { url: true, id: true, upload: false },
  reactions: true,
  typing: true,
  readReceipts: true,
  replyTo: true,
};

/** HMAC-SHA256 hex of the body: what the test channel signs with. */
export function testSign(body: string | Uint8Array, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

function toEvent(channel: ChannelId, account: string, wire: TestWireEvent): InboundEvent {
  const base = {
    id: wire.id,
    channel,
    conversation: { channel, account, user: wire.user },
    timestamp: wire.ts,
    raw: wire,
  };
  const messageId = wire.messageId ?? wire.id;
  switch (wire.kind) {
    case 'text':
      return {
        ...base,
        type: 'message',
        messageId,
        from: { id: wire.user },
        content: { type: 'text', text: wire.text ?? '' },
      };
    case 'status':
      return { ...base, type: 'status', messageId, status: wire.status ?? 'sent' };
    case 'reaction':
      return { ...base, type: 'reaction', messageId, emoji: wire.emoji ?? null };
    case 'read':
      return { ...base, type: 'read', upTo: messageId };
    case 'typing':
      return { ...base, type: 'typing' };
    case 'echo':
      return { ...base, type: 'echo', messageId, content: { type: 'text', text: wire.text ?? '' } };
    case 'handover':
      return { ...base, type: 'handover', action: wire.action ?? 'pass' };
    case 'consent':
      return { ...base, type: 'consent', consent: wire.consent ?? 'granted' };
    default:
      return { ...base, type: 'unsupported', reason: `unknown kind ${String(wire.kind)}` };
  }
}

/** The test adapter, with what it sent and a switch to make its sends fail. */
export interface TestAdapter extends ChannelAdapter {
  readonly sent: OutboundMessage[];
  failSend?: unknown;
}

/** Creates a test adapter for `channel` (any Loket channel id; the wire format is ours). */
export function testAdapter(
  options: {
    channel?: ChannelId;
    secret?: string;
    verifyToken?: string;
    /** Gives the adapter a `handover` method (the platform's thread control). */
    handover?: ChannelAdapter['handover'];
  } = {},
): TestAdapter {
  const channel = options.channel ?? 'webchat';
  const secret = options.secret ?? 'test-secret';
  const verifyToken = options.verifyToken ?? 'verify-me';
  const sent: OutboundMessage[] = [];
  const adapter: TestAdapter = {
    channel,
    capabilities: testCapabilities,
    sent,
    ...(options.handover && { handover: options.handover }),
    handshake(req: WebhookRequest) {
      const query = new URL(req.url).searchParams;
      const challenge = query.get('challenge');
      if (challenge === null) return undefined;
      if (query.get('token') !== verifyToken) return { status: 403, body: 'wrong token' };
      return { status: 200, headers: { 'content-type': 'text/plain' }, body: challenge };
    },
    verify(req: WebhookRequest) {
      const given = Buffer.from(req.headers.get('x-test-signature') ?? '', 'hex');
      const expected = Buffer.from(testSign(req.body, secret), 'hex');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new LoketError('SIGNATURE_INVALID', `[loket] [${channel}] x-test-signature does not match`, { channel });
      }
    },
    parse(req: WebhookRequest) {
      const body = JSON.parse(new TextDecoder().decode(req.body)) as { account?: unknown; events?: unknown };
      if (typeof body.account !== 'string' || !Array.isArray(body.events)) {
        throw new LoketError('BAD_REQUEST', `[loket] [${channel}] expected { account, events[] }`, { channel });
      }
      return (body.events as TestWireEvent[]).map((wire) => toEvent(channel, body.account as string, wire));
    },
    async send(message: OutboundMessage): Promise<SendReceipt> {
      if (adapter.failSend !== undefined) throw adapter.failSend;
      sent.push(message);
      return { messageId: `out-${sent.length}`, conversation: message.to, acceptedAt: 1_000 + sent.length };
    },
  };
  return adapter;
}
