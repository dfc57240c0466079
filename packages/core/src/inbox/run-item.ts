import type { Capabilities } from '../model/capabilities.js';
import { LoketError, loketMessage } from '../errors.js';
import { logOnce } from '../call-adapter.js';
import type { InboundEvent } from '../model/events.js';
import type { LeasedItem } from '../store/store.js';
import { backoffDelay } from '../work/backoff.js';
import type { ConversationRunner, RunResult } from './conversation-runner.js';
import { handleEvent } from './handle-event.js';
import type { OwnClaims } from './own-claims.js';
import { startHeartbeat } from '../work/heartbeat.js';
import { groupByConversation, logParseFailure, parseItem } from './process-item.js';
import type { Sleeper } from '../work/sleeper.js';
import type { InboxWorkerOptions } from './worker-types.js';

/** What one item needs from its worker. */
export interface ItemDeps {
  options: InboxWorkerOptions;
  runner: ConversationRunner;
  sleeper: Sleeper;
  claims: OwnClaims;
}

interface GroupSummary {
  failed: { id: string; error: unknown }[];
  interrupted: boolean;
  /** An event claimed by another worker: the item is tried again once that claim is done or expired. */
  held: boolean;
  /** A store failure: the rest of the conversation waits for the item's next try. */
  error?: unknown;
}

const noEvents = (channel: string): LoketError =>
  new LoketError('BAD_REQUEST', loketMessage(channel, 'parse found no events in an accepted request'), { channel });

const text = (err: unknown): string => (err instanceof Error ? err.message : String(err));

async function runGroup(events: InboundEvent[], caps: Capabilities, deps: ItemDeps): Promise<GroupSummary> {
  const summary: GroupSummary = { failed: [], interrupted: false, held: false };
  for (const event of events) {
    try {
      const outcome = await handleEvent(event, caps, deps.options, deps);
      if (outcome.kind === 'failed') summary.failed.push({ id: event.id, error: outcome.error });
      // Later events of this conversation must not overtake the one that was cut short.
      if (outcome.kind === 'interrupted' || outcome.kind === 'held') {
        summary[outcome.kind] = true;
        break;
      }
    } catch (err) {
      summary.error = err;
      break;
    }
  }
  return summary;
}

async function settle(item: LeasedItem, results: PromiseSettledResult<RunResult<GroupSummary>>[], deps: ItemDeps) {
  const { store, logger, retry } = deps.options;
  const failed: GroupSummary['failed'] = [];
  let interrupted = false;
  let held = false;
  let error: unknown;
  for (const result of results) {
    if (result.status === 'rejected') error ??= result.reason;
    else if (!result.value.ran) interrupted = true;
    else {
      failed.push(...result.value.value.failed);
      interrupted ||= result.value.value.interrupted;
      held ||= result.value.value.held;
      error ??= result.value.value.error;
    }
  }
  const fields = { inboxId: item.id, channel: item.channel };
  if (error !== undefined) {
    const attempt = item.attempts + 1;
    if (attempt >= retry.attempts) {
      logOnce(logger, 'error', error, `store failed ${attempt} times: the request goes to the dead letters`, fields);
      const failedEvents = failed.map((f) => f.id);
      return store.inbox.deadLetter(item.id, item.token, { error: text(error), failedEvents });
    }
    const delayMs = backoffDelay(
      { attempt, baseMs: retry.baseDelayMs, maxMs: retry.maxDelayMs, jitter: 'equal' },
      deps.options.random,
    );
    logger.warn(
      { ...fields, attempt, delayMs, error: text(error) },
      'store failed while handling a request: retrying it later',
    );
    return store.inbox.retry(item.id, item.token, { delayMs, error: text(error) });
  }
  if (interrupted) {
    return store.inbox.retry(item.id, item.token, {
      delayMs: 0,
      error: 'the worker closed before the request was done',
    });
  }
  if (held) {
    // The holder finishes (then the event is done and skipped) or its claim expires after a lease (then it is ours).
    const delayMs = backoffDelay(
      { attempt: item.attempts + 1, baseMs: retry.baseDelayMs, maxMs: deps.options.leaseMs, jitter: 'equal' },
      deps.options.random,
    );
    return store.inbox.retry(item.id, item.token, {
      delayMs,
      error: 'an event of this request is being handled by another worker: trying again after its claim',
    });
  }
  if (failed.length > 0) {
    const reason = `${failed.length} event(s) failed after ${retry.attempts} tries; first: ${text(failed[0]?.error)}`;
    return store.inbox.deadLetter(item.id, item.token, { error: reason, failedEvents: failed.map((f) => f.id) });
  }
  return store.inbox.ack(item.id, item.token);
}

/**
 * Handles one leased item. Everything before the conversations are queued runs synchronously, so items keep
 * the order they were leased in. Never rejects: failures end up in the item's retry or dead letter, and the log.
 */
export function runItem(item: LeasedItem, deps: ItemDeps): Promise<void> {
  const { store, logger, leaseMs } = deps.options;
  const fields = { inboxId: item.id, channel: item.channel };
  const finish = (step: Promise<void>) =>
    step.catch((err: unknown) => logOnce(logger, 'error', err, 'could not finish an inbox item in the store', fields));

  const adapter = deps.options.adapters.get(item.channel);
  if (!adapter) {
    const error = new LoketError(
      'CONFIG',
      loketMessage(
        'gateway',
        `no adapter for channel ${item.channel}: add it to createGateway({ channels }) and replay`,
      ),
    );
    logOnce(logger, 'error', error, error.message, fields);
    return finish(store.inbox.deadLetter(item.id, item.token, { error: error.message, failedEvents: [] }));
  }
  const events = parseItem(adapter, item);
  // Every accepted request ends as events or a dead letter: a parse that finds nothing is kept for a look.
  const parsed = Array.isArray(events) && events.length === 0 ? noEvents(adapter.channel) : events;
  if (!Array.isArray(parsed)) {
    logParseFailure(logger, parsed, item);
    return finish(store.inbox.deadLetter(item.id, item.token, { error: parsed.message, failedEvents: [] }));
  }
  const stopBeat = startHeartbeat(leaseMs, () => store.inbox.extend(item.id, item.token, leaseMs), logger, fields);
  const groups = [...groupByConversation(parsed)].map(([key, list]) =>
    deps.runner.run(key, () => runGroup(list, adapter.capabilities, deps)),
  );
  return finish(
    Promise.allSettled(groups)
      .then((results) => settle(item, results, deps))
      .finally(stopBeat),
  );
}
