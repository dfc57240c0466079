import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSqliteKill } from './scenario-sqlite-kill.js';
import { tempDir } from './temp-dir.js';

describe('a gateway on SQLite killed with SIGKILL while acknowledged webhooks are queued', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('handles every acknowledged message after a restart on the same file, and none twice after completion', async () => {
    const concurrency = 4;
    const result = await runSqliteKill({ dir: dir.path, messages: 300, handlerMs: 200, concurrency });
    expect(result.acked).toHaveLength(300);
    // The kill has to hit a full queue for this to prove anything.
    expect(result.queuedAtKill).toBeGreaterThanOrEqual(200);
    expect(result.lost).toEqual([]);
    expect(result.drained).toBe(true);
    // At most the events whose handler had finished but whose completion was not yet stored when the kill came.
    expect(result.duplicates.length).toBeLessThanOrEqual(concurrency);
    expect(result.handledAgainOnRedelivery).toEqual([]);
  });
});
