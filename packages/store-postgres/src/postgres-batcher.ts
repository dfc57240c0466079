/**
 * Gathers the calls made in one turn of the event loop and runs them as one statement: each caller's promise
 * settles after that statement committed, so a webhook's 200 still follows its own durable insert. One round trip
 * (and one commit) for the burst of webhooks that arrived together, instead of one each queueing for a pooled
 * connection.
 */
export function batchPerTick<T, R>(runAll: (items: T[]) => Promise<R[]>): (item: T) => Promise<R> {
  let waiting: { item: T; resolve: (r: R) => void; reject: (err: unknown) => void }[] = [];
  const flush = () => {
    const batch = waiting;
    waiting = [];
    runAll(batch.map((w) => w.item)).then(
      (results) => {
        for (const [i, w] of batch.entries()) w.resolve(results[i] as R);
      },
      (err: unknown) => {
        for (const w of batch) w.reject(err);
      },
    );
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      // setImmediate runs after the I/O callbacks of this turn: every request read in it joins the batch.
      if (waiting.length === 0) setImmediate(flush);
      waiting.push({ item, resolve, reject });
    });
}
