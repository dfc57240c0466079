import { afterEach, beforeEach, describe, it } from 'vitest';
import { deleteKeys, redisTestUrl, uniquePrefix } from '@loket/store-redis/testing';
import { expectPairHandlesEachOnce, expectPairSurvivesKill, PAIR_KILL } from './expectations.js';
import { runRedisPair } from './scenario-redis-pair.js';
import { tempDir } from './temp-dir.js';

const url = await redisTestUrl('durability');

if (url === undefined) {
  describe.skip('two gateways on one Redis (no Redis reachable)', () => it.skip('needs a Redis server'));
} else {
  describe('two gateway processes on one Redis, every webhook delivered to both', () => {
    let dir: ReturnType<typeof tempDir>;
    let keyPrefix: string;
    beforeEach(() => {
      dir = tempDir();
      keyPrefix = uniquePrefix();
    });
    afterEach(async () => {
      dir.remove();
      await deleteKeys(url, keyPrefix);
    });

    it('handles each event exactly once', async () => {
      const result = await runRedisPair({ url, keyPrefix, dir: dir.path, messages: 200, handlerMs: 10, leaseMs: 2000 });
      expectPairHandlesEachOnce(result, 200);
    });

    it('loses nothing the killed process acknowledged: the survivor reclaims its leased items', async () => {
      expectPairSurvivesKill(await runRedisPair({ url, keyPrefix, dir: dir.path, ...PAIR_KILL }));
    });
  });
}
