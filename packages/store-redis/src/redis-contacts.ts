import type { ContactStore, ConversationRef } from '@loket/core';
import { conversationMember, refOfMember } from './redis-keys.js';
import { type RedisScriptClient, lua, runScript } from './redis-script.js';

/** KEYS: the conversation's contact key. ARGV: contact id ('' to unlink). Returns the previous contact or false. */
const SET_OWNER = lua(`
local old = redis.call('GET', KEYS[1])
if ARGV[1] == '' then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], ARGV[1]) end
return old`);
const GET = lua(`return redis.call('GET', KEYS[1])`);
/** KEYS: the contact's counter and conversation set. ARGV: member. Scored by link order. */
const ADD = lua(`
if redis.call('ZSCORE', KEYS[2], ARGV[1]) then return 0 end
return redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[1]), ARGV[1])`);
/** KEYS: the contact's counter and set. ARGV: member. Drops both keys with the last member. */
const REMOVE = lua(`
redis.call('ZREM', KEYS[2], ARGV[1])
if redis.call('ZCARD', KEYS[2]) == 0 then redis.call('DEL', KEYS[1]) end
return 1`);
const MEMBERS = lua(`return redis.call('ZRANGE', KEYS[2], 0, -1)`);

/** Where a contact's keys and a conversation's link live. */
export interface ContactKeys {
  /** The contact a conversation belongs to (under the conversation's hash tag). */
  of(ref: ConversationRef): string;
  /** The contact's link counter and conversation set (under the contact's hash tag). */
  contact(contactId: string): [string, string];
}

/**
 * The contacts of `redisStore`. The conversation's own key says which contact it belongs to (the truth); each
 * contact keeps a sorted set of its conversations in link order. The two live in different Cluster slots, so a
 * link is two steps: `conversations()` answers only members whose own key still names the contact, and so stays
 * right even when a process died between the steps or two links of one conversation raced.
 */
export function redisContacts(client: () => Promise<RedisScriptClient>, keys: ContactKeys): ContactStore {
  const ownerOf = async (ref: ConversationRef) => {
    const value = await runScript(await client(), GET, [keys.of(ref)], []);
    return typeof value === 'string' ? value : undefined;
  };
  const setOwner = async (ref: ConversationRef, contact: string) => {
    const old = await runScript(await client(), SET_OWNER, [keys.of(ref)], [contact]);
    return typeof old === 'string' ? old : undefined;
  };
  const remove = async (contact: string, ref: ConversationRef) =>
    runScript(await client(), REMOVE, keys.contact(contact), [conversationMember(ref)]);

  return {
    async link(contactId, ref) {
      const old = await setOwner(ref, contactId);
      if (old !== undefined && old !== contactId) await remove(old, ref);
      await runScript(await client(), ADD, keys.contact(contactId), [conversationMember(ref)]);
    },
    async unlink(ref) {
      const old = await setOwner(ref, '');
      if (old !== undefined) await remove(old, ref);
    },
    of: ownerOf,
    async conversations(contactId) {
      const members = (await runScript(await client(), MEMBERS, keys.contact(contactId), [])) as string[];
      const refs = members.map(refOfMember);
      const owners = await Promise.all(refs.map(ownerOf));
      return refs.filter((_, i) => owners[i] === contactId);
    },
  };
}
