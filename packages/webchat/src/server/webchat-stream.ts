import type { LogEntry } from '@loket/core';
import type { WebchatContext } from './webchat-context.js';
import { type ServerFrame, toWire, type WireEvent } from './webchat-frames.js';
import { noteAvailability } from './webchat-availability.js';
import { identityOfHash, type WebchatIdentity } from './webchat-identity.js';
import { present } from './webchat-present.js';

/** Where a stream writes: a WebSocket or an SSE response. `send` answers false once the client is too slow. */
export interface StreamSink {
  send(frame: ServerFrame): boolean;
  close(reason: 'slow' | 'revoked' | 'closed'): void;
}

/** What the transport tells an open stream. */
export interface StreamControl {
  /** Replays seq > after, then `ready`. */
  resume(after: number): void;
  /** Stops timers and the subscription. */
  stop(): Promise<void>;
}

const PAGE = 200;

/**
 * A view of the conversation's log: replay from a seq (capped: past `replayMax` it answers `reset`), then live
 * events from the hub in seq order. A live event that does not follow the last one sent (pub/sub lost or reordered
 * something) is repaired from the log, so a client never sees a gap it did not ask for.
 */
export async function openStream(
  ctx: WebchatContext,
  identity: WebchatIdentity,
  sink: StreamSink,
  start: { after?: number; waitForResumeMs?: number; base: string },
): Promise<StreamControl> {
  const log = ctx.runtime.store.log;
  const { ref } = identity;
  let cursor: number | undefined;
  let stopped = false;
  let chain = Promise.resolve();
  const run = (work: () => Promise<void>) => {
    chain = chain
      .then(() => (stopped ? undefined : work()))
      .catch((err: unknown) => {
        ctx.runtime.logger.warn({ err: String(err), channel: 'webchat' }, 'web chat stream failed: closing it');
        finish('closed');
      });
  };
  const emit = (frame: ServerFrame): boolean => {
    if (stopped) return false;
    if (sink.send(frame)) return true;
    finish('slow');
    return false;
  };
  const emitEntry = (e: WireEvent): boolean => {
    if (!emit({ t: 'event', e: present(ctx, e, start.base) })) return false;
    cursor = e.seq;
    return true;
  };

  // Sends everything after the cursor up to the head; false when it stopped (slow client) or had to reset.
  const fill = async (from: number): Promise<void> => {
    const head = await log.head(ref);
    if (from > head || head - from > ctx.options.limits.replayMax) {
      cursor = head;
      emit({ t: 'reset', head });
      return;
    }
    cursor = from;
    for (;;) {
      const page: LogEntry[] = await log.read(ref, { after: cursor, limit: PAGE });
      for (const entry of page) if (!emitEntry(toWire(entry))) return;
      if (page.length < PAGE) return;
    }
  };

  const replay = async (after: number) => {
    await fill(after);
    if (cursor !== undefined) emit({ t: 'ready', head: cursor });
  };

  const live = (frame: ServerFrame) => {
    if (frame.t === 'typing') {
      if (cursor !== undefined) emit(frame);
      return;
    }
    if (frame.t !== 'event') return;
    run(async () => {
      // Not ready yet: the replay reads the log after subscribing, so it covers this event.
      if (cursor === undefined || frame.e.seq <= cursor) return;
      if (frame.e.seq === cursor + 1) emitEntry(frame.e);
      else await fill(cursor);
    });
  };

  const unsubscribe = await ctx.hub.subscribe(ref, live);
  await noteAvailability(ctx, ref);
  const stopHeartbeat = ctx.ticker.add(() => {
    if (!emit({ t: 'hb' })) return;
    // A revoked credential ends its streams at the next heartbeat; an opening or closing is noted then too.
    identityOfHash(ctx, identity.credentialHash)
      .then((still) => (still === undefined ? finish('revoked') : noteAvailability(ctx, ref)))
      .catch((err: unknown) => ctx.runtime.logger.debug({ err: String(err) }, 'web chat heartbeat check failed'));
  });

  let waiting: ReturnType<typeof setTimeout> | undefined;
  if (start.after !== undefined) run(() => replay(start.after ?? 0));
  else if (start.waitForResumeMs !== undefined) {
    // A WebSocket client that resumes says so in its first frame; without one, the stream starts at the head.
    waiting = setTimeout(() => run(async () => replay(await log.head(ref))), start.waitForResumeMs);
  } else run(async () => replay(await log.head(ref)));

  let unsubscribed: Promise<void> | undefined;
  function finish(reason: 'slow' | 'revoked' | 'closed') {
    if (stopped) return;
    stopped = true;
    stopHeartbeat();
    clearTimeout(waiting);
    unsubscribed ??= unsubscribe();
    sink.close(reason);
  }

  return {
    resume(after) {
      clearTimeout(waiting);
      waiting = undefined;
      run(() => replay(after));
    },
    async stop() {
      stopped = true;
      stopHeartbeat();
      clearTimeout(waiting);
      unsubscribed ??= unsubscribe();
      await unsubscribed;
    },
  };
}
