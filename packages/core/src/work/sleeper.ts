/** Waits that a closing worker can cut short. */
export interface Sleeper {
  /** Resolves true after `ms`, or false as soon as the sleeper is aborted (at once when it already is). */
  sleep(ms: number): Promise<boolean>;
  abort(): void;
  readonly aborted: boolean;
}

/** Creates a {@link Sleeper}. */
export function createSleeper(): Sleeper {
  const waiting = new Set<() => void>();
  let aborted = false;
  return {
    sleep(ms) {
      if (aborted) return Promise.resolve(false);
      return new Promise<boolean>((resolve) => {
        const wakeEarly = () => {
          clearTimeout(timer);
          resolve(false);
        };
        const timer = setTimeout(() => {
          waiting.delete(wakeEarly);
          resolve(true);
        }, ms);
        waiting.add(wakeEarly);
      });
    },
    abort() {
      aborted = true;
      for (const wakeEarly of waiting) wakeEarly();
      waiting.clear();
    },
    get aborted() {
      return aborted;
    },
  };
}
