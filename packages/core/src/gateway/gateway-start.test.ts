import { describe, expect, it } from 'vitest';
import { LoketError } from '../errors.js';
import { memoryStore } from '../store/memory-store.js';
import type { Store } from '../store/store.js';
import { createGateway } from './create-gateway.js';
import { testAdapter } from '../test-support/test-adapter.js';

describe('gateway.start with a store that cannot answer', () => {
  it("rejects with the store's failure as NETWORK, and runs no worker", async () => {
    const inner = memoryStore();
    let leases = 0;
    const down: Store = {
      ...inner,
      inbox: {
        ...inner.inbox,
        stats: () =>
          Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })),
        lease: (o) => {
          leases += 1;
          return inner.inbox.lease(o);
        },
      },
    };
    const gateway = createGateway({ channels: [testAdapter()], store: down, worker: { pollMs: 5 } });
    const err = await gateway.start().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(LoketError.is(err) && err.code).toBe('NETWORK');
    expect((err as LoketError).message).toContain('ECONNREFUSED');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(leases).toBe(0);
    expect((await gateway.health()).worker.running).toBe(false);
    await gateway.close();
  });
});
