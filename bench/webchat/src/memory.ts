import type { MemorySnapshot } from './protocol.js';

/** This process's RSS and used heap, after two full GCs when node runs with `--expose-gc`. */
export function memorySnapshot(): MemorySnapshot {
  globalThis.gc?.();
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}
