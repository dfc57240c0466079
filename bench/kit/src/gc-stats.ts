import { constants, PerformanceObserver } from 'node:perf_hooks';

/** Garbage collection and heap figures of this process since {@link watchGc} was called. */
export interface GcStats {
  heapUsedMb: number;
  rssMb: number;
  /** Time spent in GC pauses, ms; by minor (scavenge) and major (mark-sweep-compact) collections. */
  gcMs: number;
  minorMs: number;
  majorMs: number;
  majorCount: number;
  /** CPU time of this process (user + system), ms. */
  cpuMs: number;
}

/** Starts counting GC pauses (a `gc` performance observer); the returned function reads the figures so far. */
export function watchGc(): () => GcStats {
  let gcMs = 0;
  let minorMs = 0;
  let majorMs = 0;
  let majorCount = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
      gcMs += entry.duration;
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) minorMs += entry.duration;
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
        majorMs += entry.duration;
        majorCount += 1;
      }
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return () => {
    const m = process.memoryUsage();
    const cpu = process.cpuUsage();
    const cpuMs = (cpu.user + cpu.system) / 1000;
    return { heapUsedMb: m.heapUsed / 2 ** 20, rssMb: m.rss / 2 ** 20, gcMs, minorMs, majorMs, majorCount, cpuMs };
  };
}
