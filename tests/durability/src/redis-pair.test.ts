import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteKeys, redisTestUrl, uniquePrefix } from '@loket/store-redis/testing';
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
      expect(result.acked).toHaveLength(200);
      expect(result.lost).toEqual([]);
      expect(result.duplicates).toEqual([]);
      expect(result.handledBy[0] + result.handledBy[1]).toBe(200);
      expect(result.drained).toBe(true);
    });

    it('loses nothing the killed process acknowledged: the survivor reclaims its leased items', async () => {
      const result = await runRedisPair({
        url,
        keyPrefix,
        dir: dir.path,
        messages: 300,
        handlerMs: 50,
        leaseMs: 1500,
        killAt: 150,
        soloBeforeKill: 60,
      });
      expect(result.ackedByKilled).toBeGreaterThanOrEqual(100);
      expect(result.ackedOnlyByKilled).toBeGreaterThanOrEqual(50);
      // A webhook in flight to the killed process alone gets no answer: not acknowledged, the platform retries it.
      expect(result.acked.length).toBeGreaterThanOrEqual(290);
      expect(result.lost).toEqual([]);
      expect(result.drained).toBe(true);
      // Only an event cut off between its handler and its completion may run again (at-least-once); the worker
      // runs at most 16 at a time.
      expect(result.duplicates.length).toBeLessThanOrEqual(16);
    });
  });
}
