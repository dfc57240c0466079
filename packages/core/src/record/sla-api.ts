import { LoketError, loketMessage } from '../errors.js';
import type { Store } from '../store/store.js';
import { withConversation } from './history.js';
import type { HistoryEntry } from './record-entries.js';
import { type SlaReport, type SlaReportOptions, slaReport } from './sla-report.js';
import type { SlaBreach, SlaWatchOptions } from './sla-watch.js';

/** `gateway.sla`: the service level over every conversation in the store. */
export interface SlaApi {
  /** {@link slaReport} over every conversation with activity since `from`; `target` defaults to the gateway's. */
  report(options?: Partial<SlaReportOptions>): Promise<SlaReport>;
  /** Looks for breaches now (the `sla` watch does so on a timer); each breach is answered once. */
  check(): Promise<SlaBreach[]>;
}

/** Creates `gateway.sla`. */
export function createSlaApi(
  store: Store,
  watch: SlaWatchOptions | undefined,
  check: (() => Promise<SlaBreach[]>) | undefined,
  now: () => number,
): SlaApi {
  const missing = () =>
    new LoketError(
      'CONFIG',
      loketMessage('gateway', 'no service-level target: pass createGateway({ sla: { target } })'),
    );
  return {
    async report(options = {}) {
      const target = options.target ?? watch?.target;
      if (!target) throw missing();
      const hours = options.hours ?? watch?.hours;
      const entries: HistoryEntry[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.log.conversations({
          ...(options.from !== undefined && { updatedSince: options.from }),
          ...(cursor && { cursor }),
        });
        for (const item of page.items) entries.push(...withConversation(item.ref, await store.log.read(item.ref)));
        cursor = page.cursor;
      } while (cursor !== undefined);
      const to = options.to ?? now();
      return slaReport(entries, { ...options, target, to, ...(hours && { hours }) });
    },
    async check() {
      if (!check) throw missing();
      return check();
    },
  };
}
