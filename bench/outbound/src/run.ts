// Outbound benchmark. A fake WhatsApp Cloud API in its own process; against it, at the same concurrency and in
// alternating rounds: a raw undici POST loop (the limit), gateway.send from as many parallel callers, and the
// outbox draining a 10,000-recipient broadcast. Pacing is raised out of the way for those; then, with pacing on,
// the arrival times at the fake platform are replayed through the configured buckets (per account, per recipient),
// in one process and with two processes sharing one Redis.
import { fileURLToPath } from 'node:url';
import {
  alternatingRounds,
  type BenchChild,
  checkEnvelope,
  median,
  PHONE_NUMBER_ID,
  roundStore,
  startChild,
  storeAvailable,
  times,
} from '@loket/bench-kit';
import type { Content, ConversationRef, Gateway, Pacing } from '@loket/core';
import { toWhatsAppMessage, whatsappCapabilities } from '@loket/whatsapp';
import { request } from 'undici';
import { gatewayUnderTest, recipients, TOPIC } from './gateway-under-test.js';
import type { PacedTask } from './paced-child.js';

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARM_UP = 500;
const SLACK_MS = 50;
// Customers in the per-recipient checks (12 sends each, all at once; 6 from each process with two).
const RECIPIENTS_PACED = Number(process.env.BENCH_PACED_SHARED ?? 10);
const OUT_OF_THE_WAY: Pacing = { perAccount: { perSecond: 1_000_000 } };
const CONTENT: Content = { type: 'template', name: 'order_update', language: 'en', parameters: ['A-1042'] };
const FAKE = fileURLToPath(new URL('./fake-graph.ts', import.meta.url));
const PACED = fileURLToPath(new URL('./paced-child.ts', import.meta.url));

interface Received {
  at: number[];
  account: string[];
  to: string[];
}

async function parallel<T>(items: T[], concurrency: number, each: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await each(items[next++]!);
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
}

async function main(): Promise<void> {
  const fake = await startChild(FAKE, []);
  const apiBaseUrl = `http://127.0.0.1:${fake.port}`;
  const received = async (): Promise<Received> => (await (await fetch(`${apiBaseUrl}/record`)).json()) as Received;
  const to = recipients(RECIPIENTS);
  const warm = recipients(WARM_UP, 9);
  const phases: Record<string, (gateway: Gateway, to: ConversationRef[]) => Promise<void>> = {
    undici: async (_, to) => {
      const url = `${apiBaseUrl}/v25.0/${PHONE_NUMBER_ID}/messages`;
      const bodies = to.map((ref) =>
        JSON.stringify(toWhatsAppMessage({ to: ref, content: CONTENT }, { bsuidRecipientField: 'recipient' })),
      );
      await parallel(bodies, CONCURRENCY, async (body) => {
        const res = await request(url, {
          method: 'POST',
          headers: { authorization: 'Bearer bench-token', 'content-type': 'application/json' },
          body,
        });
        if (res.statusCode !== 200) throw new Error(`fake platform answered ${res.statusCode}`);
        await res.body.json();
      });
    },
    send: (gateway, to) =>
      parallel(to, CONCURRENCY, (ref) => gateway.send({ to: ref, content: CONTENT, topic: TOPIC })),
    outbox: async (gateway, to) => {
      const handle = await gateway.broadcast(to, CONTENT, { topic: TOPIC });
      const report = await handle.done({ timeoutMs: 300_000 });
      if (report.counts.done !== to.length) throw new Error(`outbox: ${JSON.stringify(report.counts)}`);
    },
  };
  try {
    const names = (process.env.BENCH_PHASES ?? Object.keys(phases).join(',')).split(',');
    const results = await alternatingRounds(names, ROUNDS, async (phase, r) => {
      const gateway = await gatewayUnderTest({
        apiBaseUrl,
        pacing: OUT_OF_THE_WAY,
        concurrency: CONCURRENCY,
        recipients: [...warm, ...to],
      });
      try {
        await phases[phase]!(gateway, warm); // warm-up: JIT and connections, not counted
        await received();
        const t0 = performance.now();
        await phases[phase]!(gateway, to);
        const perSecond = RECIPIENTS / ((performance.now() - t0) / 1000);
        const got = await received();
        const distinct = new Set(got.to).size;
        const ok = got.to.length === RECIPIENTS && distinct === RECIPIENTS;
        console.log(
          `round ${r + 1} ${phase.padEnd(7)} ${perSecond.toFixed(0).padStart(6)} msg/s  platform got ${got.to.length} (${distinct} recipients)${ok ? '' : '  MISMATCH'}`,
        );
        if (!ok) process.exitCode = 1;
        return perSecond;
      } finally {
        await gateway.close();
      }
    });
    const rate = (phase: string) => median(results.get(phase)!);
    console.log(
      `\noutbound: ${RECIPIENTS} recipients, concurrency ${CONCURRENCY}, ${ROUNDS} alternating rounds, pacing raised out of the way; medians`,
    );
    for (const phase of names) {
      if (!results.has('undici')) break;
      console.log(
        `${phase.padEnd(7)} ${rate(phase).toFixed(0).padStart(6)} msg/s  ${times(rate(phase) / rate('undici'))} raw undici`,
      );
    }
    if (process.env.BENCH_PACING !== '0') await pacingChecks(apiBaseUrl, received);
  } finally {
    await fake.stop();
  }
}

async function pacingChecks(apiBaseUrl: string, received: () => Promise<Received>): Promise<void> {
  // Per account: a broadcast on the WhatsApp adapter's own pacing (80 msg/s, bursts of 80).
  const account = whatsappCapabilities.pacing!.perAccount!;
  const many = recipients(Number(process.env.BENCH_PACED_RECIPIENTS ?? 480), 1);
  let gateway = await gatewayUnderTest({ apiBaseUrl, concurrency: CONCURRENCY, recipients: many });
  try {
    await received();
    await (await gateway.broadcast(many, CONTENT, { topic: TOPIC })).done({ timeoutMs: 120_000 });
    const got = await received();
    const burst = account.burst ?? Math.max(1, account.perSecond);
    const check = checkEnvelope(got.at, account.perSecond / 1000, burst, SLACK_MS);
    printCheck(`per account, broadcast (configured ${account.perSecond}/s, burst ${burst})`, check, account.perSecond);
  } finally {
    await gateway.close();
  }
  // Per recipient: 12 sends to each of 10 customers, all at once, one message per 200 ms and bursts of 3 each. With
  // many more customers the first bursts (3 each) queue for HTTP connections on 2 busy cores and arrive late, so the
  // on-time sends after them look early at the platform (40 customers: gaps 0 0 0 194 376 543 ms, over by one).
  const pacing: Pacing = { perAccount: { perSecond: 400 }, perRecipient: { intervalMs: 200, burst: 3 } };
  const few = recipients(RECIPIENTS_PACED, 2);
  gateway = await gatewayUnderTest({ apiBaseUrl, pacing, concurrency: CONCURRENCY, recipients: few });
  try {
    await received();
    const sends = few.flatMap((ref) => Array.from({ length: 12 }, () => ref));
    await Promise.all(sends.map((ref: ConversationRef) => gateway.send({ to: ref, content: CONTENT, topic: TOPIC })));
    const got = await received();
    let worst = { count: 0, excess: 0, ratePerSecond: Number.POSITIVE_INFINITY };
    for (const ref of few) {
      const times = got.at.filter((_, i) => got.to[i] === ref.user);
      const check = checkEnvelope(times, 1 / 200, 3, SLACK_MS);
      if (
        check.excess > worst.excess ||
        (check.excess === worst.excess && check.ratePerSecond > worst.ratePerSecond) ||
        worst.count === 0
      )
        worst = check;
    }
    printCheck(
      `per recipient, gateway.send (configured 1 per 200 ms = 5/s, burst 3), the fastest of ${RECIPIENTS_PACED}`,
      worst,
      5,
    );
    printCheck('  the same run per account (configured 400/s)', checkEnvelope(got.at, 0.4, 400, SLACK_MS), 400);
  } finally {
    await gateway.close();
  }
  if (await storeAvailable('redis')) await twoProcessChecks(apiBaseUrl, received);
}

/** Runs two gateway processes on one Redis, each doing `task`'s share at the same moment; answers what arrived. */
async function twoProcesses(
  apiBaseUrl: string,
  received: () => Promise<Received>,
  task: Omit<PacedTask, 'apiBaseUrl' | 'store' | 'tag'>,
  tags: [number, number],
): Promise<Received> {
  const store = await roundStore('redis');
  const children: BenchChild[] = [];
  try {
    await received();
    const args = (tag: number) => JSON.stringify({ ...task, apiBaseUrl, store: store.spec, tag } satisfies PacedTask);
    children.push(...(await Promise.all(tags.map((tag) => startChild(PACED, [args(tag)])))));
    for (const child of children) child.process.stdin!.write('go\n');
    await Promise.all(children.map((child) => child.next('DONE')));
    return await received();
  } finally {
    await Promise.all(children.map((child) => child.stop()));
    await store.cleanup();
  }
}

async function twoProcessChecks(apiBaseUrl: string, received: () => Promise<Received>): Promise<void> {
  // Per account: each process broadcasts to 240 customers of its own, on the adapter's pacing shared through Redis.
  const account = whatsappCapabilities.pacing!.perAccount!;
  const burst = account.burst ?? Math.max(1, account.perSecond);
  const share = Number(process.env.BENCH_PACED_RECIPIENTS ?? 480) / 2;
  let got = await twoProcesses(apiBaseUrl, received, { mode: 'broadcast', count: share }, [5, 6]);
  printCheck(
    `two processes on Redis, per account, two broadcasts (configured ${account.perSecond}/s, burst ${burst})`,
    checkEnvelope(got.at, account.perSecond / 1000, burst, SLACK_MS),
    account.perSecond,
  );
  // Per recipient: both processes send 6 messages to each of the same 20 customers at once.
  const pacing: Pacing = { perAccount: { perSecond: 400 }, perRecipient: { intervalMs: 200, burst: 3 } };
  got = await twoProcesses(
    apiBaseUrl,
    received,
    { mode: 'perRecipient', count: RECIPIENTS_PACED, each: 6, pacing },
    [7, 7],
  );
  const shared = recipients(RECIPIENTS_PACED, 7);
  let worst: ReturnType<typeof checkEnvelope> | undefined;
  for (const ref of shared) {
    const check = checkEnvelope(
      got.at.filter((_, i) => got.to[i] === ref.user),
      1 / 200,
      3,
      SLACK_MS,
    );
    if (
      !worst ||
      check.excess > worst.excess ||
      (check.excess === worst.excess && check.ratePerSecond > worst.ratePerSecond)
    )
      worst = check;
  }
  printCheck(
    `two processes on Redis, per recipient (1 per 200 ms, burst 3), the fastest of ${RECIPIENTS_PACED}`,
    worst!,
    5,
  );
}

function printCheck(label: string, check: ReturnType<typeof checkEnvelope>, configured: number): void {
  const verdict = check.excess === 0 ? 'never over' : `OVER by ${check.excess} message(s)`;
  console.log(
    `pacing ${label}: ${check.count} messages, long-run ${check.ratePerSecond.toFixed(1)}/s (${times(check.ratePerSecond / configured)} configured), ${verdict} (clock slack ${SLACK_MS} ms)`,
  );
  if (check.excess > 0) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
