import { describe, expect, it } from 'vitest';
import { concurrencyCases } from './store-concurrency-cases.js';
import { contactCases } from './store-contact-cases.js';
import { controllerCases } from './store-controller-cases.js';
import { conversationCases } from './store-conversation-cases.js';
import { dedupeCases } from './store-dedupe-cases.js';
import { inboxCases } from './store-inbox-cases.js';
import { kvCases } from './store-kv-cases.js';
import { lockCases } from './store-lock-cases.js';
import { logCases } from './store-log-cases.js';
import { logRecordCases } from './store-log-record-cases.js';
import { messageCases } from './store-message-cases.js';
import { outboxCases } from './store-outbox-cases.js';
import { privacyCases } from './store-privacy-cases.js';
import { pubsubCases } from './store-pubsub-cases.js';
import { rateCases } from './store-rate-cases.js';
import { type StoreConformanceOptions, useStore } from './store-suite-context.js';

/**
 * The shared suite every store runs (vitest): inbox (lease, ack, retry, dead letters with exact bytes, replay, stats,
 * lease expiry and stale tokens), outbox (batches, outcomes kept per job, the same lease rules), dedupe,
 * conversation state, message statuses, locks, the event log, and races between workers. Each case gets a fresh
 * store from `create` and closes it afterwards. Time-based cases use short real TTLs (`ttlMs`, default 100 ms) and
 * never assert on elapsed time.
 *
 * @example
 * // packages/store-sqlite/src/conformance.test.ts
 * import { describeStoreConformance } from '@loket/testing';
 * import { sqliteStore } from './index.js';
 *
 * describeStoreConformance({ name: 'sqlite', create: () => sqliteStore({ path: ':memory:' }) });
 */
export function describeStoreConformance(options: StoreConformanceOptions): void {
  describe(`${options.name} store conformance`, () => {
    const ctx = useStore(options);
    it('names itself and says whether it is durable', () => {
      expect(typeof ctx.store.name).toBe('string');
      expect(typeof ctx.store.durable).toBe('boolean');
    });
    inboxCases(ctx);
    outboxCases(ctx);
    dedupeCases(ctx);
    conversationCases(ctx);
    messageCases(ctx);
    lockCases(ctx);
    logCases(ctx);
    logRecordCases(ctx);
    contactCases(ctx);
    controllerCases(ctx);
    kvCases(ctx);
    rateCases(ctx);
    pubsubCases(ctx);
    privacyCases(ctx);
    concurrencyCases(ctx);
  });
}
