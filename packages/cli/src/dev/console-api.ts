import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Gateway, type OutboundMessage, templateContentSchema } from '@loket/core';
import { z } from 'zod';
import type { SimulateInput, SimulateResult } from '../simulate/simulate-message.js';
import { listConversations } from './conversations.js';
import { readJson, sendJson } from './json-body.js';
import type { SendOutcome } from './recorder.js';
import type { SseHub } from './sse.js';
import type { Timeline } from './timeline.js';

/** A channel as the console describes it. */
export interface DevChannelInfo {
  channel: string;
  mode: 'emulated' | 'real';
  account: string;
  devUser: string;
  webhookUrl: string;
}

/** What the console API works with. */
export interface ConsoleDeps {
  gateway: Gateway;
  timeline: Timeline;
  sse: SseHub;
  channels: DevChannelInfo[];
  store: { name: string; durable: boolean };
  simulate(input: SimulateInput): Promise<SimulateResult>;
  send(message: OutboundMessage): Promise<SendOutcome>;
  now(): number;
  /** When the dev session began: the service-level figures count from here. */
  startedAt: number;
}

const HOUR = 3_600_000;
/** The console's service-level target when the gateway has none: 90 % within 300 s, for asynchronous work. */
const CONSOLE_TARGET = { percent: 90, withinSeconds: 300 };

const handoffSchema = z.object({
  channel: z.string().min(1),
  account: z.string().min(1),
  user: z.string().min(1),
  to: z.enum(['bot', 'human']),
  reason: z.string().min(1).optional(),
});

const simulateSchema = z.object({
  channel: z.string().min(1),
  text: z.string().min(1),
  from: z.string().min(1).optional(),
  name: z.string().min(1).optional(),
  /** Pretend the customer wrote this long ago (a closed window). */
  hoursAgo: z
    .number()
    .min(0)
    .max(24 * 30)
    .optional(),
});

const refSchema = {
  channel: z.string().min(1),
  account: z.string().min(1).optional(),
  user: z.string().min(1),
};

/** A text, or an approved template (what WhatsApp allows outside the window, with the customer's consent). */
const sendSchema = z
  .object({
    ...refSchema,
    text: z.string().min(1).optional(),
    template: templateContentSchema.omit({ type: true }).optional(),
    tag: z.literal('human_agent').optional(),
  })
  .refine((b) => (b.text === undefined) !== (b.template === undefined), { message: 'give either text or template' });

const consentSchema = z.object({ ...refSchema, topic: z.string().min(1).optional() });

/** Serves `/console/api/*`; false for any other path. */
export async function handleConsoleApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: ConsoleDeps,
): Promise<boolean> {
  const route = `${req.method} ${url.pathname}`;
  switch (route) {
    case 'GET /console/api/info':
      sendJson(res, 200, { channels: deps.channels, store: deps.store, lastSeq: deps.timeline.lastSeq });
      return true;
    case 'GET /console/api/conversations':
      sendJson(res, 200, await listConversations(deps.gateway, deps.timeline, deps.now()));
      return true;
    case 'GET /console/api/events':
      sendJson(res, 200, deps.timeline.since(Number(url.searchParams.get('after') ?? 0) || 0));
      return true;
    case 'GET /console/api/stream':
      deps.sse.open(
        res,
        deps.timeline,
        Number(req.headers['last-event-id'] ?? url.searchParams.get('after') ?? 0) || 0,
      );
      return true;
    case 'POST /console/api/simulate': {
      const body = await readJson(req, res, simulateSchema);
      if (!body) return true;
      const at = body.hoursAgo ? deps.now() - body.hoursAgo * HOUR : undefined;
      sendJson(res, 200, await deps.simulate({ ...body, at }));
      return true;
    }
    case 'GET /console/api/sla':
      sendJson(res, 200, await deps.gateway.sla.report({ target: CONSOLE_TARGET, from: deps.startedAt }));
      return true;
    case 'POST /console/api/handoff': {
      const body = await readJson(req, res, handoffSchema);
      if (!body) return true;
      const { to, reason, ...ref } = body;
      const result = await deps.gateway.handoff(ref as OutboundMessage['to'], { to, ...(reason && { reason }) });
      const { platformError, ...rest } = result;
      sendJson(res, 200, {
        ...rest,
        ...(platformError && { platformError: { code: platformError.code, message: platformError.message } }),
      });
      return true;
    }
    case 'POST /console/api/send': {
      const body = await readJson(req, res, sendSchema);
      if (!body) return true;
      const to = refOf(body, deps, res);
      if (!to) return true;
      const content: OutboundMessage['content'] = body.template
        ? { type: 'template', ...body.template }
        : { type: 'text', text: body.text! };
      sendJson(res, 200, await deps.send({ to, content, tag: body.tag }));
      return true;
    }
    case 'POST /console/api/consent': {
      const body = await readJson(req, res, consentSchema);
      if (!body) return true;
      const to = refOf(body, deps, res);
      if (!to) return true;
      const topic = body.topic ?? '*';
      await deps.gateway.consent.grant(to, { topic, source: 'dev console' });
      sendJson(res, 200, { ok: true, conversation: to, topic });
      return true;
    }
    default:
      if (!url.pathname.startsWith('/console/api/')) return false;
      sendJson(res, 404, { error: `no console API at ${route}` });
      return true;
  }
}

/** The conversation a console request names (the channel's dev account by default); answers 400 when not running. */
function refOf(
  body: { channel: string; account?: string; user: string },
  deps: ConsoleDeps,
  res: ServerResponse,
): OutboundMessage['to'] | undefined {
  const info = deps.channels.find((c) => c.channel === body.channel);
  if (!info) {
    sendJson(res, 400, { error: `channel ${body.channel} is not running here` });
    return undefined;
  }
  return { channel: info.channel, account: body.account ?? info.account, user: body.user } as OutboundMessage['to'];
}
