import { type PairResult, runPair } from './scenario-pair.js';

/** What the two-gateways-on-one-Redis scenario saw. */
export type RedisPairResult = PairResult;

/** The two-gateways scenario ({@link runPair}) on one Redis key prefix. */
export function runRedisPair(
  o: Omit<Parameters<typeof runPair>[0], 'store'> & { url: string; keyPrefix: string },
): Promise<RedisPairResult> {
  const { url, keyPrefix, ...rest } = o;
  return runPair({ ...rest, store: { kind: 'redis', url, keyPrefix } });
}
