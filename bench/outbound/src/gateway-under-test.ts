import { APP_SECRET, PHONE_NUMBER_ID } from '@loket/bench-kit';
import { type ConversationRef, createGateway, type Gateway, memoryStore, type Store } from '@loket/core';
import type { Pacing } from '@loket/core';
import { whatsapp } from '@loket/whatsapp';

/** The consent topic of the bench's template sends. */
export const TOPIC = 'order-updates';

/** `count` WhatsApp customers of the bench's business number. */
export function recipients(count: number, tag = 0): ConversationRef[] {
  return Array.from({ length: count }, (_, i) => ({
    channel: 'whatsapp',
    account: PHONE_NUMBER_ID,
    user: `3${tag}${String(i).padStart(9, '0')}`,
  }));
}

/**
 * A gateway on the memory store whose WhatsApp adapter talks to `apiBaseUrl`, with `pacing` in place of the
 * adapter's own (raised out of the way for the throughput rounds), and consent granted for every recipient.
 */
export async function gatewayUnderTest(options: {
  apiBaseUrl: string;
  pacing?: Pacing;
  concurrency: number;
  recipients: ConversationRef[];
  /** The memory store unless given (the two-process pacing check shares one Redis). */
  store?: Store;
}): Promise<Gateway> {
  const base = whatsapp({
    appSecret: APP_SECRET,
    verifyToken: 'bench',
    accessToken: 'bench-token',
    phoneNumberId: PHONE_NUMBER_ID,
    apiBaseUrl: options.apiBaseUrl,
  });
  const adapter = options.pacing ? { ...base, capabilities: { ...base.capabilities, pacing: options.pacing } } : base;
  const gateway = createGateway({
    channels: [adapter],
    store: options.store ?? memoryStore(),
    outbox: { concurrency: options.concurrency, pollMs: 50 },
  });
  for (const ref of options.recipients) await gateway.consent.grant(ref, { topic: TOPIC, source: 'bench' });
  await gateway.start();
  return gateway;
}
