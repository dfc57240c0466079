/** Counts slots: at most `size` holders at a time, the rest wait in arrival order. */
export interface Semaphore {
  acquire(): Promise<() => void>;
}

/** Creates a {@link Semaphore} with `size` slots. */
export function createSemaphore(size: number): Semaphore {
  let free = size;
  const queue: (() => void)[] = [];
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else free += 1;
  };
  return {
    acquire() {
      if (free > 0) {
        free -= 1;
        return Promise.resolve(once(release));
      }
      return new Promise((resolve) => queue.push(() => resolve(once(release))));
    },
  };
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}
