/** How {@link batchWhileBusy} groups calls. */
export interface BatchOptions {
  /** Statements running at once; calls made while all are busy wait and join the next batch. Default 2. */
  inFlight?: number;
  /** Calls per statement at most. Default 256. */
  maxBatch?: number;
}

interface Waiting<T, R> {
  item: T;
  resolve: (r: R) => void;
  reject: (err: unknown) => void;
}

/**
 * Gathers calls and runs them as one statement: the calls of one turn of the event loop, and under load every call
 * made while `inFlight` statements are already running. Each caller's promise settles after its statement
 * committed, so a webhook's 200 still follows its own durable insert. A burst costs a few round trips and commits
 * instead of one each queueing for a pooled connection; the busier the database, the larger the batches.
 */
export function batchWhileBusy<T, R>(
  runAll: (items: T[]) => Promise<R[]>,
  options: BatchOptions = {},
): (item: T) => Promise<R> {
  const inFlight = options.inFlight ?? 2;
  const maxBatch = options.maxBatch ?? 256;
  let waiting: Waiting<T, R>[] = [];
  let running = 0;
  let scheduled = false;

  const schedule = (): void => {
    if (scheduled || waiting.length === 0 || running >= inFlight) return;
    scheduled = true;
    // setImmediate runs after the I/O callbacks of this turn: every request read in it joins the batch.
    setImmediate(flush);
  };
  const flush = (): void => {
    scheduled = false;
    if (running >= inFlight) return;
    const batch = waiting.slice(0, maxBatch);
    waiting = waiting.slice(batch.length);
    if (batch.length === 0) return;
    running += 1;
    runAll(batch.map((w) => w.item))
      .then(
        (results) => {
          for (const [i, w] of batch.entries()) w.resolve(results[i] as R);
        },
        (err: unknown) => {
          for (const w of batch) w.reject(err);
        },
      )
      .finally(() => {
        running -= 1;
        schedule();
      });
    schedule();
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      schedule();
    });
}
