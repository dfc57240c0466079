import { logOnce } from '../call-adapter.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';

/** Options of `createGateway({ retention })`. */
export interface RetentionOptions {
  /** History older than this many days is removed from every conversation's log. */
  historyDays: number;
  /** How often to prune. Default one hour. */
  intervalMs?: number;
}

const DAY_MS = 86_400_000;

/** Prunes the log now and then every `intervalMs` until stopped; a failed run is logged and tried next time. */
export function startRetention(
  options: RetentionOptions,
  deps: { store: Store; logger: Logger; now: () => number },
): { run(): Promise<number>; stop(): void } {
  const run = async (): Promise<number> => {
    try {
      const removed = await deps.store.log.prune(deps.now() - options.historyDays * DAY_MS);
      if (removed > 0) deps.logger.info({ removed, historyDays: options.historyDays }, 'retention: pruned history');
      return removed;
    } catch (err) {
      logOnce(deps.logger, 'warn', err, 'retention: pruning the history failed; trying again later');
      return 0;
    }
  };
  const timer = setInterval(() => void run(), options.intervalMs ?? 3_600_000);
  timer.unref?.();
  void run();
  return { run, stop: () => clearInterval(timer) };
}
