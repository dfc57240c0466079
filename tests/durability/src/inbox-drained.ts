import type { Store } from '@loket/core';

/** Waits until the store's inbox holds nothing pending or leased (dead letters count as done); false on timeout. */
export async function inboxDrained(store: Store, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stats = await store.inbox.stats();
    if (stats.pending === 0 && stats.leased === 0) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Event ids handled more than once, and acknowledged ids never handled. */
export function tally(acked: string[], counts: Map<string, number>): { lost: string[]; duplicates: string[] } {
  return {
    lost: acked.filter((id) => !counts.has(id)),
    duplicates: [...counts].filter(([, n]) => n > 1).map(([id]) => id),
  };
}
