import type { ChannelId, ConsentRecord, ConversationRef, ConversationState, ConversationStore } from '@loket/core';
import { type LuaScript, type RedisScriptClient, lua, runScript } from './redis-script.js';

// Every script writes the ref fields first (ARGV 1-3), so `get` can rebuild the ref from the hash alone.
const REF = `redis.call('HSET', KEYS[1], 'channel', ARGV[1], 'account', ARGV[2], 'user', ARGV[3])`;

/** ARGV: ref, number of field/value pairs, the pairs, then fields to delete. */
const WRITE = lua(`${REF}
local n = tonumber(ARGV[4])
for i = 0, n - 1 do redis.call('HSET', KEYS[1], ARGV[5 + 2 * i], ARGV[6 + 2 * i]) end
for i = 5 + 2 * n, #ARGV do redis.call('HDEL', KEYS[1], ARGV[i]) end
return 1`);

/** ARGV: ref, at. Webhooks arrive out of order: a late, older message must not shorten the window. */
const INBOUND = lua(`${REF}
local current = redis.call('HGET', KEYS[1], 'lastInboundAt')
if current and tonumber(current) >= tonumber(ARGV[4]) then return 0 end
redis.call('HSET', KEYS[1], 'lastInboundAt', ARGV[4])
return 1`);

/** ARGV: ref, period. Returns 1 when the period changed. */
const AUTO_REPLY = lua(`${REF}
if redis.call('HGET', KEYS[1], 'autoReplyPeriod') == ARGV[4] then return 0 end
redis.call('HSET', KEYS[1], 'autoReplyPeriod', ARGV[4])
return 1`);

const READ = lua(`return redis.call('HGETALL', KEYS[1])`);

const CONSENT = 'consent:';

function toState(flat: string[]): ConversationState | undefined {
  if (flat.length === 0) return undefined;
  const h = new Map<string, string>();
  for (let i = 0; i + 1 < flat.length; i += 2) h.set(flat[i]!, flat[i + 1]!);
  const state: ConversationState = {
    ref: { channel: h.get('channel') as ChannelId, account: h.get('account') ?? '', user: h.get('user') ?? '' },
    consent: {},
  };
  for (const [field, value] of h) {
    if (field.startsWith(CONSENT)) state.consent[field.slice(CONSENT.length)] = JSON.parse(value) as ConsentRecord;
  }
  const lastInboundAt = h.get('lastInboundAt');
  if (lastInboundAt !== undefined) state.lastInboundAt = Number(lastInboundAt);
  const pendingChoices = h.get('pendingChoices');
  if (pendingChoices !== undefined) state.pendingChoices = JSON.parse(pendingChoices);
  const autoReplyPeriod = h.get('autoReplyPeriod');
  if (autoReplyPeriod !== undefined) state.autoReplyPeriod = autoReplyPeriod;
  const controller = h.get('controller');
  if (controller !== undefined) state.controller = JSON.parse(controller);
  return state;
}

/**
 * The conversation state of `redisStore`: one hash per conversation, one field per fact (each consent topic its
 * own field), so writers of different fields never overwrite each other; compare-and-set steps run in Lua.
 */
export function redisConversations(
  client: () => Promise<RedisScriptClient>,
  keyOf: (ref: ConversationRef) => string,
): ConversationStore {
  const run = async (script: LuaScript, ref: ConversationRef, ...args: (string | number)[]) =>
    runScript(await client(), script, [keyOf(ref)], [ref.channel, ref.account, ref.user, ...args]);

  return {
    async get(ref) {
      return toState((await run(READ, ref)) as string[]);
    },
    async recordInbound(ref, at) {
      await run(INBOUND, ref, at);
    },
    async setConsent(ref, record) {
      const { topic, status, source, at } = record;
      await run(WRITE, ref, 1, `${CONSENT}${topic}`, JSON.stringify({ topic, status, source, at }));
    },
    async setPendingChoices(ref, choices) {
      if (choices === undefined) await run(WRITE, ref, 0, 'pendingChoices');
      else await run(WRITE, ref, 1, 'pendingChoices', JSON.stringify(choices));
    },
    async markAutoReply(ref, period) {
      return Number(await run(AUTO_REPLY, ref, period)) === 1;
    },
    async setController(ref, controller) {
      await run(WRITE, ref, 1, 'controller', JSON.stringify(controller));
    },
  };
}
