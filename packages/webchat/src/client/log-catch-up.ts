import type { LogCursor } from './log-cursor.js';
import type { LogEvent } from './protocol.js';

/**
 * Pages `GET events?after=` until the gap behind the last applied seq is closed. One catch-up at a time: a call
 * while one runs answers the running one. `cursor` is read each round (a reset conversation gets a new one).
 */
export function createCatchUp(
  cursor: () => LogCursor,
  page: (after: number) => Promise<{ events: LogEvent[]; head: number } | undefined>,
): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= (async () => {
      try {
        for (let round = 0; round < 1000; round++) {
          const answer = await page(cursor().lastSeq);
          if (!answer) return;
          const c = cursor();
          const gap = c.accept(answer.events);
          if (answer.events.length === 0) {
            if (gap) c.skipGap();
            return;
          }
          if (!gap && c.lastSeq >= answer.head) return;
        }
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
}
