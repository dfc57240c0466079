import { timingSafeEqual } from 'node:crypto';
import {
  type AdapterRuntime,
  type Capabilities,
  type ChannelAdapter,
  type ChannelId,
  type InboundEvent,
  inboundEventSchema,
  LoketError,
  loketMessage,
  type OutboundMessage,
  type SendReceipt,
  type WebhookRequest,
} from '@loket/core';
import { signMeta } from '../../signing/signers.js';

/** The record suite's channel signs with this secret. */
export const RECORD_SECRET = 'record-secret';

const capabilities: Capabilities = {
  text: { maxLength: 4096, unit: 'chars' },
  media: {},
  mediaSources: { url: true, id: true, upload: false },
  templates: false,
  location: false,
  contacts: false,
  reactions: true,
  typing: true,
  readReceipts: true,
  replyTo: true,
  window: null,
  pacing: {},
};

/** A channel for the record suite: its webhook body is `{ events: InboundEvent[] }`, signed like Meta's. */
export interface RecordChannel extends ChannelAdapter {
  readonly sent: OutboundMessage[];
  readonly handovers: { to: 'bot' | 'human'; reason?: string }[];
}

/** Creates a record channel for `channel`; `refuseHandover` makes its thread-control call fail. */
export function recordChannel(channel: ChannelId, options: { refuseHandover?: boolean } = {}): RecordChannel {
  let runtime: AdapterRuntime | undefined;
  const sent: OutboundMessage[] = [];
  const handovers: RecordChannel['handovers'] = [];
  return {
    channel,
    capabilities,
    sent,
    handovers,
    bind(r) {
      runtime = r;
    },
    handshake: () => undefined,
    verify(req: WebhookRequest) {
      const given = Buffer.from(req.headers.get('x-hub-signature-256') ?? '');
      const expected = Buffer.from(signMeta(req.body, RECORD_SECRET));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new LoketError('SIGNATURE_INVALID', loketMessage(channel, 'x-hub-signature-256 does not match'));
      }
    },
    parse(req: WebhookRequest): InboundEvent[] {
      const body = JSON.parse(new TextDecoder().decode(req.body)) as { events: unknown[] };
      return body.events.map((e) => inboundEventSchema.parse(e));
    },
    async send(message: OutboundMessage): Promise<SendReceipt> {
      sent.push(message);
      const acceptedAt = runtime?.now() ?? Date.now();
      return { messageId: `${channel}-out-${sent.length}`, conversation: message.to, acceptedAt };
    },
    async handover(_ref, change) {
      handovers.push(change);
      if (options.refuseHandover) {
        throw new LoketError('PLATFORM_ERROR', loketMessage(channel, 'pass_thread_control: (#10) not allowed'), {
          channel,
          platformCode: 10,
        });
      }
    },
  };
}
