import { expect } from 'vitest';
import type { PairResult } from './scenario-pair.js';
import type { KillResult } from './scenario-kill.js';

/** What every store must show after {@link runKill}: all acknowledged, nothing lost, nothing handled again after completion. */
export function expectKillRestartLosesNothing(result: KillResult, o: { messages: number; concurrency: number }): void {
  expect(result.acked).toHaveLength(o.messages);
  // The kill has to hit a full queue for this to prove anything.
  expect(result.queuedAtKill).toBeGreaterThanOrEqual(200);
  expect(result.lost).toEqual([]);
  expect(result.drained).toBe(true);
  // At most the events whose handler had finished but whose completion was not yet stored when the kill came.
  expect(result.duplicates.length).toBeLessThanOrEqual(o.concurrency);
  expect(result.handledAgainOnRedelivery).toEqual([]);
}

/** Two gateways, every webhook delivered to both: each handled exactly once. */
export function expectPairHandlesEachOnce(result: PairResult, messages: number): void {
  expect(result.acked).toHaveLength(messages);
  expect(result.lost).toEqual([]);
  expect(result.duplicates).toEqual([]);
  expect(result.handledBy[0] + result.handledBy[1]).toBe(messages);
  expect(result.drained).toBe(true);
}

/** One of two gateways killed mid-stream: the survivor reclaims its leased items and nothing acknowledged is lost. */
export function expectPairSurvivesKill(result: PairResult): void {
  expect(result.ackedByKilled).toBeGreaterThanOrEqual(100);
  expect(result.ackedOnlyByKilled).toBeGreaterThanOrEqual(50);
  // A webhook in flight to the killed process alone gets no answer: not acknowledged, the platform retries it.
  expect(result.acked.length).toBeGreaterThanOrEqual(290);
  expect(result.lost).toEqual([]);
  expect(result.drained).toBe(true);
  // Only an event cut off between its handler and its completion may run again (at-least-once); the worker
  // runs at most 16 at a time.
  expect(result.duplicates.length).toBeLessThanOrEqual(16);
}

/** The options of the kill-mid-stream pair scenario both shared stores run. */
export const PAIR_KILL = { messages: 300, handlerMs: 50, leaseMs: 1500, killAt: 150, soloBeforeKill: 60 } as const;
