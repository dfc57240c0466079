import { describe } from 'vitest';
import type { StoreConformanceOptions } from '../store/store-suite-context.js';
import { useRecordGateway } from './record-context.js';
import { handoffCases } from './record-handoff-cases.js';
import { historyCases } from './record-history-cases.js';
import { privacyCases } from './record-privacy-cases.js';
import { slaCases } from './record-sla-cases.js';

/**
 * The organisation's record on a store, through the gateway's public API: history with authors, contacts,
 * handoff, service levels, export, erasure and retention. Every store runs it.
 *
 * @example
 * describeRecordConformance({ name: 'sqlite', create: () => sqliteStore({ path: tempFile() }) });
 */
export function describeRecordConformance(options: StoreConformanceOptions): void {
  describe(`record on the ${options.name} store`, () => {
    const ctx = useRecordGateway(options);
    describe('history', () => historyCases(ctx));
    describe('handoff', () => handoffCases(ctx));
    describe('contacts and privacy', () => privacyCases(ctx));
    describe('service levels', () => slaCases(ctx));
  });
}
