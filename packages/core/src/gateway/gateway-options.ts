import { z } from 'zod';
import type { ChannelAdapter } from '../adapter.js';
import { LoketError, loketMessage } from '../errors.js';
import type { AutoReplyOptions } from '../hours/auto-reply.js';
import type { BusinessHours } from '../hours/business-hours.js';
import type { RetentionOptions } from '../record/retention.js';
import type { SlaWatchOptions } from '../record/sla-watch.js';
import { type Logger, safeLogger, silentLogger, stderrLogger } from '../logger.js';
import type { ChannelId } from '../model/conversation.js';
import { memoryStore } from '../store/memory-store.js';
import type { WorkerSettings } from '../inbox/worker-types.js';
import type { OutboxSettings } from '../outbox/outbox-types.js';
import type { Store } from '../store/store.js';
import type { GatewayOptions } from './gateway-types.js';

const MIB = 1024 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;

const isFunction = (v: unknown): boolean => typeof v === 'function';
const hasMethods = (v: unknown, names: string[]): boolean =>
  typeof v === 'object' && v !== null && names.every((n) => isFunction((v as Record<string, unknown>)[n]));

const fn = <T>(what: string) => z.custom<T>(isFunction, { message: `must be ${what}` });
const positiveInt = z.number().int().positive();

const adapterSchema = z.custom<ChannelAdapter>(
  (v) => hasMethods(v, ['handshake', 'verify', 'parse', 'send']) && typeof (v as ChannelAdapter).channel === 'string',
  { message: 'must be a channel adapter (whatsapp({...}), messenger({...}), ...)' },
);

const retrySchema = z.strictObject({
  attempts: positiveInt.optional(),
  baseDelayMs: positiveInt.optional(),
  maxDelayMs: positiveInt.optional(),
});

const workerSchema = z.strictObject({
  concurrency: positiveInt.optional(),
  leaseMs: positiveInt.optional(),
  pollMs: positiveInt.optional(),
  retry: retrySchema.optional(),
  dedupeTtlMs: positiveInt.optional(),
});

const outboxSchema = z.strictObject({
  concurrency: positiveInt.optional(),
  leaseMs: positiveInt.optional(),
  pollMs: positiveInt.optional(),
  retry: retrySchema.optional(),
});

const gatewayOptionsSchema: z.ZodType<GatewayOptions> = z.strictObject({
  channels: z
    .array(adapterSchema)
    .min(1, { message: 'needs at least one channel adapter' })
    .superRefine((adapters, ctx) => {
      const seen = new Set<string>();
      for (const adapter of adapters) {
        if (seen.has(adapter.channel)) ctx.addIssue({ code: 'custom', message: `has ${adapter.channel} twice` });
        seen.add(adapter.channel);
      }
    }),
  store: z
    .custom<Store>((v) => hasMethods(v, ['close']) && typeof v === 'object' && v !== null && 'inbox' in v, {
      message: 'must be a Store (memoryStore(), sqliteStore({...}), redisStore({...}))',
    })
    .optional(),
  basePath: z.string().regex(/^\//, { message: "must start with '/'" }).optional(),
  maxBodyBytes: positiveInt.optional(),
  logger: z
    .custom<Logger | false>((v) => v === false || hasMethods(v, ['debug', 'info', 'warn', 'error']), {
      message: 'must be a Logger (debug, info, warn, error), or false for silence',
    })
    .optional(),
  ackTimeoutMs: positiveInt.optional(),
  stopWords: z.union([z.array(z.string()), z.literal(false)]).optional(),
  autoReply: z
    .custom<AutoReplyOptions>(
      (v) => hasMethods(v, ['content']) && hasMethods((v as AutoReplyOptions).hours, ['isOpen']),
      {
        message: 'must be { hours: businessHours({...}), content: (info) => Content }',
      },
    )
    .optional(),
  worker: workerSchema.optional(),
  outbox: outboxSchema.optional(),
  retention: z.strictObject({ historyDays: z.number().positive(), intervalMs: positiveInt.optional() }).optional(),
  sla: z
    .strictObject({
      target: z.strictObject({ percent: z.number().min(0).max(100), withinSeconds: z.number().nonnegative() }),
      hours: z
        .custom<BusinessHours>((v) => hasMethods(v, ['isOpen', 'nextOpen', 'nextClose']), {
          message: 'must be businessHours({...})',
        })
        .optional(),
      checkEveryMs: positiveInt.optional(),
      lookbackMs: positiveInt.optional(),
    })
    .optional(),
  now: fn<() => number>('a function returning ms since the epoch').optional(),
  maxPending: positiveInt.optional(),
  healthPath: z.string().regex(/^\//, { message: "must start with '/'" }).optional(),
});

/** Gateway options after validation and defaults. */
export interface ResolvedGatewayOptions {
  adapters: ReadonlyMap<ChannelId, ChannelAdapter>;
  store: Store;
  /** True when the gateway created the store itself, and so closes it on `close()`. */
  ownsStore: boolean;
  /** '' or a path without a trailing slash. */
  basePath: string;
  maxBodyBytes: number;
  logger: Logger;
  ackTimeoutMs: number;
  stopWords?: string[] | false;
  autoReply?: AutoReplyOptions;
  worker: WorkerSettings;
  outbox: OutboxSettings;
  retention?: RetentionOptions;
  sla?: SlaWatchOptions;
  now: () => number;
  maxPending?: number;
  healthPath?: string;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') return `unknown option ${issue.keys.join(', ')}`;
  return `option ${path || '(root)'} ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`;
}

/** Validates `createGateway` options (a bad one throws LoketError CONFIG naming it) and fills in the defaults. */
export function resolveGatewayOptions(input: GatewayOptions): ResolvedGatewayOptions {
  const parsed = gatewayOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const text = parsed.error.issues.map(describeIssue).join('; ');
    throw new LoketError('CONFIG', loketMessage('gateway', `${text}: fix it in createGateway({...})`), {
      details: { issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) },
    });
  }
  const o = parsed.data;
  const now = o.now ?? Date.now;
  const retry = o.worker?.retry ?? {};
  return {
    adapters: new Map(o.channels.map((a) => [a.channel, a])),
    store: o.store ?? memoryStore({ now }),
    ownsStore: o.store === undefined,
    basePath: (o.basePath ?? '/').replace(/\/+$/, ''),
    maxBodyBytes: o.maxBodyBytes ?? 4 * MIB,
    logger: o.logger === false ? silentLogger : safeLogger(o.logger ?? stderrLogger),
    ackTimeoutMs: o.ackTimeoutMs ?? 1000,
    stopWords: o.stopWords,
    autoReply: o.autoReply,
    worker: {
      concurrency: o.worker?.concurrency ?? 16,
      leaseMs: o.worker?.leaseMs ?? 30_000,
      pollMs: o.worker?.pollMs ?? 250,
      retry: {
        attempts: retry.attempts ?? 5,
        baseDelayMs: retry.baseDelayMs ?? 500,
        maxDelayMs: retry.maxDelayMs ?? 60_000,
      },
      dedupeTtlMs: o.worker?.dedupeTtlMs ?? 7 * DAY_MS,
    },
    outbox: {
      concurrency: o.outbox?.concurrency ?? 8,
      leaseMs: o.outbox?.leaseMs ?? 30_000,
      pollMs: o.outbox?.pollMs ?? 250,
      retry: {
        attempts: o.outbox?.retry?.attempts ?? 8,
        baseDelayMs: o.outbox?.retry?.baseDelayMs ?? 1000,
        maxDelayMs: o.outbox?.retry?.maxDelayMs ?? 300_000,
      },
    },
    retention: o.retention,
    sla: o.sla,
    now,
    maxPending: o.maxPending,
    healthPath: o.healthPath,
  };
}
