/** One timer shared by every open stream of a gateway: each stream adds its heartbeat, and removes it when it ends. */
export interface Ticker {
  /** Calls `beat` every period until the returned function is called. */
  add(beat: () => void): () => void;
}

/**
 * A ticker with one `setInterval` for all its beats, running only while it has some (and never keeping the
 * process alive). Ten thousand open streams cost one timer, not ten thousand.
 */
export function createTicker(periodMs: number): Ticker {
  const beats = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    add(beat) {
      beats.add(beat);
      if (timer === undefined) {
        timer = setInterval(() => {
          for (const b of beats) b();
        }, periodMs);
        timer.unref?.();
      }
      return () => {
        beats.delete(beat);
        if (beats.size === 0 && timer !== undefined) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
  };
}
