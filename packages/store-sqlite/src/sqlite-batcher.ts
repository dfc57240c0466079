/**
 * Gathers the calls made in one turn of the event loop and runs them as one write: each caller's promise settles
 * after that write committed (so a webhook's 200 still follows its durable insert). One commit for the burst of
 * webhooks that arrived together costs about a quarter of one commit each.
 */
export function batchPerTick<T, R>(runAll: (items: T[]) => R[]): (item: T) => Promise<R> {
  let waiting: { item: T; resolve: (r: R) => void; reject: (err: unknown) => void }[] = [];
  const flush = () => {
    const batch = waiting;
    waiting = [];
    try {
      const results = runAll(batch.map((w) => w.item));
      for (const [i, w] of batch.entries()) w.resolve(results[i] as R);
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      // setImmediate runs after the I/O callbacks of this turn: every request read in it joins the batch.
      if (waiting.length === 0) setImmediate(flush);
      waiting.push({ item, resolve, reject });
    });
}
