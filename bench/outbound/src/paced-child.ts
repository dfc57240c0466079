// Child process: one of two gateways on one Redis, for the shared-pacing check. On `go` (a stdin line) it sends
// its share: a broadcast to its own recipients on the adapter's pacing (per account), or `perRecipient` sends to
// each of the shared recipients on a per-recipient pacing. Prints `PORT 0` when ready and `DONE <n>` at the end.
import { exitWithParent, openStore, report, type StoreSpec } from '@loket/bench-kit';
import type { Content, Pacing } from '@loket/core';
import { gatewayUnderTest, recipients, TOPIC } from './gateway-under-test.js';

/** What the parent asks of this child, as JSON in argv. */
export interface PacedTask {
  apiBaseUrl: string;
  store: StoreSpec;
  /** `broadcast`: `count` recipients of tag `tag`; `perRecipient`: `each` sends to `count` recipients of `tag`. */
  mode: 'broadcast' | 'perRecipient';
  count: number;
  tag: number;
  each?: number;
  pacing?: Pacing;
}

const CONTENT: Content = { type: 'template', name: 'order_update', language: 'en', parameters: ['A-1042'] };

exitWithParent();
const task = JSON.parse(process.argv[2] ?? '{}') as PacedTask;
const to = recipients(task.count, task.tag);
const gateway = await gatewayUnderTest({
  apiBaseUrl: task.apiBaseUrl,
  concurrency: 16,
  recipients: to,
  store: await openStore(task.store),
  ...(task.pacing ? { pacing: task.pacing } : {}),
});
report('PORT', 0);
await new Promise<void>((go) => process.stdin.on('data', (d: Buffer) => d.toString().includes('go') && go()));
if (task.mode === 'broadcast') {
  await (await gateway.broadcast(to, CONTENT, { topic: TOPIC })).done({ timeoutMs: 120_000 });
} else {
  const sends = to.flatMap((ref) => Array.from({ length: task.each ?? 1 }, () => ref));
  await Promise.all(sends.map((ref) => gateway.send({ to: ref, content: CONTENT, topic: TOPIC })));
}
report('DONE', to.length);
await gateway.close();
process.exit(0);
