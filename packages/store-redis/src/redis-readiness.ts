import { redisUnreachable } from './redis-unreachable.js';

/** What readiness needs of a node-redis client (`createClient()` and its `duplicate()`). */
export interface Connectable {
  readonly isReady: boolean;
  readonly isOpen: boolean;
  on(event: 'ready' | 'error', listener: (err?: unknown) => void): unknown;
  off(event: 'ready' | 'error', listener: (err?: unknown) => void): unknown;
  close(): Promise<unknown>;
  destroy(): unknown;
}

/** Tells a caller at once whether the client can take a command, without ever queueing behind a Redis that is down. */
export interface Readiness {
  /** Resolves when the client is ready; rejects with `NETWORK` (URL redacted) when it is not and will not be soon. */
  wait(): Promise<void>;
}

/**
 * Follows a client's connection. Ready: calls go through. A connection error since it was last ready (refused,
 * reset, timed out; node-redis retries in the background): calls fail at once. Neither yet (the first connect is
 * under way): calls wait for the verdict, at most `connectTimeoutMs`. So nothing waits on a Redis that is down,
 * and a store whose Redis comes up later starts working on its own.
 */
export function readiness(client: Connectable, url: string | undefined, connectTimeoutMs: number): Readiness {
  let failure: unknown;
  let verdict: Promise<void> | undefined;
  client.on('ready', () => {
    failure = undefined;
  });
  client.on('error', (err) => {
    failure = err ?? new Error('connection error');
  });

  const awaitVerdict = () =>
    new Promise<void>((resolve, reject) => {
      const settle = (err?: unknown) => {
        clearTimeout(timer);
        client.off('ready', onReady);
        client.off('error', onError);
        verdict = undefined;
        if (err === undefined) resolve();
        else reject(redisUnreachable(url, err));
      };
      const onReady = () => settle();
      const onError = (err?: unknown) => settle(err ?? new Error('connection error'));
      const timer = setTimeout(() => settle(new Error(`no answer within ${connectTimeoutMs} ms`)), connectTimeoutMs);
      timer.unref?.();
      client.on('ready', onReady);
      client.on('error', onError);
    });

  return {
    async wait() {
      if (client.isReady) return;
      if (failure !== undefined) throw redisUnreachable(url, failure);
      verdict ??= awaitVerdict();
      return verdict;
    },
  };
}

/** Closes a client, waiting at most `ms` for its pending replies (a Redis that hangs would keep them forever). */
export async function closeWithin(client: Connectable, ms: number, onError: (err: unknown) => void): Promise<void> {
  if (!client.isOpen) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const gracefully = client.close().then(
    () => true,
    (err: unknown) => {
      onError(err);
      return false;
    },
  );
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const closed = await Promise.race([gracefully, late]);
  clearTimeout(timer);
  if (!closed && client.isOpen) client.destroy();
}
