import { createTestDatabase, postgresTestUrl, uniqueSchema } from '@loket/store-postgres/testing';
import { afterAll, afterEach, beforeEach, describe, it } from 'vitest';
import type { StoreSpec } from './child-config.js';
import {
  expectKillRestartLosesNothing,
  expectPairHandlesEachOnce,
  expectPairSurvivesKill,
  PAIR_KILL,
} from './expectations.js';
import { runKill } from './scenario-kill.js';
import { runPair } from './scenario-pair.js';
import { tempDir } from './temp-dir.js';

const server = await postgresTestUrl('durability');

if (server === undefined) {
  describe.skip('gateways on PostgreSQL (no PostgreSQL reachable)', () => it.skip('needs a PostgreSQL server'));
} else {
  // This run's own database, dropped at the end; each scenario gets a schema of its own in it.
  const db = await createTestDatabase(server);
  afterAll(() => db.drop());

  // Child processes, a database server and the test share this machine's cores: give each scenario room.
  const SCENARIO_MS = 180_000;

  describe('gateways on one PostgreSQL database', () => {
    let dir: ReturnType<typeof tempDir>;
    let store: StoreSpec;
    beforeEach(() => {
      dir = tempDir();
      store = { kind: 'postgres', url: db.url, schema: uniqueSchema() };
    });
    afterEach(() => dir.remove());

    it(
      'kill -9 under load loses no acknowledged webhook, and a redelivery after completion is not handled again',
      async () => {
        const concurrency = 4;
        const result = await runKill({ dir: dir.path, store, messages: 300, handlerMs: 200, concurrency });
        expectKillRestartLosesNothing(result, { messages: 300, concurrency });
      },
      SCENARIO_MS,
    );

    it(
      'two gateways handle every webhook delivered to both exactly once',
      async () => {
        const result = await runPair({ store, dir: dir.path, messages: 200, handlerMs: 10, leaseMs: 2000 });
        expectPairHandlesEachOnce(result, 200);
      },
      SCENARIO_MS,
    );

    it(
      'the death of one of two gateways mid-stream loses nothing: the survivor reclaims its leased items',
      async () => {
        expectPairSurvivesKill(await runPair({ store, dir: dir.path, ...PAIR_KILL }));
      },
      SCENARIO_MS,
    );
  });
}
