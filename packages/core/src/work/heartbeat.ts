import type { Logger } from '../logger.js';

/**
 * Renews something (a lease, a lock) every third of its lifetime while work goes on, so a slow handler does not
 * lose it. Returns the function that stops it.
 */
export function startHeartbeat(
  lifetimeMs: number,
  beat: () => Promise<boolean>,
  logger: Logger,
  what: Record<string, unknown>,
): () => void {
  let lost = false;
  const timer = setInterval(
    () => {
      beat().then(
        (held) => {
          if (held || lost) return;
          lost = true;
          // Another worker may now take it; dedupe keeps events from being handled twice.
          logger.warn(what, 'lease lost while work was going on');
        },
        (err: unknown) => logger.error({ ...what, err }, 'could not renew a lease'),
      );
    },
    Math.max(1, Math.floor(lifetimeMs / 3)),
  );
  return () => clearInterval(timer);
}
