// Durability at scale: the scenarios of @loket/durability-tests with larger numbers. Prints counts (acknowledged,
// queued at the kill, lost, handled twice); "lost" must be 0. Redis scenarios need REDIS_URL or a local Redis.
import { runRedisPair, runSqliteKill, tempDir } from '@loket/durability-tests';
import { deleteKeys, redisTestUrl, uniquePrefix } from '@loket/store-redis/testing';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2000);
const TIMEOUT_MS = 300_000;

async function sqliteKill(): Promise<boolean> {
  const dir = tempDir();
  try {
    const r = await runSqliteKill({ dir: dir.path, messages: MESSAGES, handlerMs: 200, timeoutMs: TIMEOUT_MS });
    console.log(
      `sqlite kill -9   posted ${r.posted}  acked ${r.acked.length}  queued at kill ${r.queuedAtKill}  ` +
        `lost ${r.lost.length}  handled twice ${r.duplicates.length}  handled again on redelivery ${r.handledAgainOnRedelivery.length}`,
    );
    return r.lost.length === 0 && r.handledAgainOnRedelivery.length === 0 && r.drained;
  } finally {
    dir.remove();
  }
}

async function redisPair(url: string, killAt?: number): Promise<boolean> {
  const dir = tempDir();
  const keyPrefix = uniquePrefix();
  try {
    const r = await runRedisPair({
      url,
      keyPrefix,
      dir: dir.path,
      messages: MESSAGES,
      handlerMs: killAt === undefined ? 5 : 50,
      leaseMs: 2000,
      killAt,
      soloBeforeKill: killAt === undefined ? undefined : Math.floor(MESSAGES / 10),
      timeoutMs: TIMEOUT_MS,
    });
    const label = killAt === undefined ? 'redis pair      ' : 'redis pair kill ';
    const killed =
      killAt === undefined ? '' : `  acked by killed ${r.ackedByKilled} (${r.ackedOnlyByKilled} by it alone)`;
    console.log(
      `${label} posted ${r.posted} (to both)  acked ${r.acked.length}${killed}  handled by each ${r.handledBy.join(' / ')}  ` +
        `lost ${r.lost.length}  handled twice ${r.duplicates.length}`,
    );
    return r.lost.length === 0 && r.drained && (killAt !== undefined || r.duplicates.length === 0);
  } finally {
    dir.remove();
    await deleteKeys(url, keyPrefix);
  }
}

async function main(): Promise<void> {
  let ok = await sqliteKill();
  const url = await redisTestUrl('bench-durability');
  if (url) {
    ok = (await redisPair(url)) && ok;
    ok = (await redisPair(url, Math.floor(MESSAGES / 2))) && ok;
  }
  if (!ok) {
    console.error('durability: something acknowledged was lost or handled twice (see above)');
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
