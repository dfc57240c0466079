import { afterEach, beforeEach, describe, it } from 'vitest';
import { expectKillRestartLosesNothing } from './expectations.js';
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
    expectKillRestartLosesNothing(result, { messages: 300, concurrency });
  });
});
