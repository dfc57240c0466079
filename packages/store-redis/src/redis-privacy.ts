import {
  type ConversationRef,
  type EraseCounts,
  type InboxStore,
  type OutboxStore,
  type PersonMatch,
  type PrivacyStore,
  personMatch,
} from '@loket/core';
import { decodeEntry, queueKeyList } from './redis-inbox.js';
import { type KeyLayout, conversationMember, refOfMember } from './redis-keys.js';
import {
  DEL,
  ERASE_CONVERSATION,
  ERASE_ITEM,
  GET,
  HGETALL,
  HREF,
  SCAN,
  UNINDEX,
  ZMEMBERS,
} from './redis-privacy-scripts.js';
import { type LuaScript, type RedisScriptClient, runScript } from './redis-script.js';

const pairs = (flat: unknown): [string, string][] => {
  const list = flat as string[];
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < list.length; i += 2) out.push([list[i]!, list[i + 1]!]);
  return out;
};

/** A needle may sit in a key URI-encoded (conversation and contact tags) or as it is. */
const inKey = (m: PersonMatch, key: string) =>
  m.text(key) || m.needles.some((n) => key.includes(encodeURIComponent(n)));

/**
 * Export and erasure on `redisStore`. Queue items are matched on their decoded bytes and removed from every
 * structure of the queue in one script each; the refs' conversation keys go whole, and so do contacts whose id
 * names the person; everything else under the prefix (dedupe, kv, rates, locks, sent messages) is found by SCAN
 * and removed when its key or value names the person. Redis keeps no deleted values around (its persistence files are rewritten by the server).
 */
export function redisPrivacy(
  client: () => Promise<RedisScriptClient>,
  keys: KeyLayout,
  prefix: string,
  stores: { inbox: InboxStore; outbox: OutboxStore },
): PrivacyStore {
  const run = async (script: LuaScript, k: string[], ...args: (string | number)[]) =>
    runScript(await client(), script, k, args);

  async function scan(pattern: string): Promise<string[]> {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = (await run(SCAN, [], cursor, pattern)) as [string, string[]];
      found.push(...batch);
      cursor = String(next);
    } while (cursor !== '0');
    return found;
  }

  /** Queued inbox items and outbox jobs that mention the person, by id. */
  async function matchingItems(m: PersonMatch) {
    const inboxItems = pairs(await run(HGETALL, [keys.inbox.items]));
    const inbox = inboxItems.filter(([, json]) => m.request(decodeEntry(json).request)).map(([id]) => id);
    const failures = new Map(pairs(await run(HGETALL, [keys.outbox.failures])));
    const jobs = pairs(await run(HGETALL, [keys.outbox.items])).flatMap(([id, json]) => {
      const { batch, payload } = JSON.parse(json) as { batch: string; payload: string };
      return m.text(payload) || m.text(failures.get(id)) ? [{ id, batch }] : [];
    });
    return { inbox, jobs };
  }

  return {
    async find(target) {
      const m = personMatch(target);
      const { inbox, jobs } = await matchingItems(m);
      const dead = (await stores.inbox.deadLetters()).filter((d) => m.request(d.request));
      const deadIds = new Set(dead.map((d) => d.id));
      const items = pairs(await run(HGETALL, [keys.inbox.items]))
        .filter(([id]) => inbox.includes(id) && !deadIds.has(id))
        .map(([, json]) => decodeEntry(json));
      const ids = new Set(jobs.map((j) => j.id));
      const outbox = [];
      for (const batch of new Set(jobs.map((j) => j.batch))) {
        outbox.push(...(await stores.outbox.batch(batch)).filter((r) => ids.has(r.id)));
      }
      return { inbox: items, deadLetters: dead, outbox };
    },
    async erase(target) {
      const m = personMatch(target);
      const counts: EraseCounts = {
        log: 0,
        conversations: 0,
        contacts: 0,
        messages: 0,
        inbox: 0,
        deadLetters: 0,
        outbox: 0,
        dedupe: 0,
        kv: 0,
      };
      const { inbox, jobs } = await matchingItems(m);
      for (const id of inbox) {
        const was = Number(await run(ERASE_ITEM, queueKeyList(keys.inbox), id));
        if (was === 2) counts.deadLetters += 1;
        else if (was === 1) counts.inbox += 1;
      }
      for (const { id, batch } of jobs) {
        if (Number(await run(ERASE_ITEM, [...queueKeyList(keys.outbox), keys.outbox.batch(batch)], id)) > 0) {
          counts.outbox += 1;
        }
      }
      for (const ref of target.refs) await eraseConversation(ref, counts);
      await eraseContacts(m, counts);
      for (const key of await scan(`${prefix}*`)) await eraseLoose(key, m, counts);
      return counts;
    },
  };

  async function eraseConversation(ref: ConversationRef, counts: EraseCounts): Promise<void> {
    const log = keys.log(ref);
    const contactKey = keys.contactOf(ref);
    const contact = await run(GET, [contactKey]);
    if (typeof contact === 'string') {
      await run(UNINDEX, [keys.contact(contact)[1]], conversationMember(ref));
      await run(DEL, [contactKey]);
      counts.contacts += 1;
    }
    const [entries, state] = (await run(ERASE_CONVERSATION, [
      log.entries,
      log.seq,
      log.keys,
      keys.conversation(ref),
    ])) as [number, number];
    counts.log += Number(entries);
    counts.conversations += Number(state);
    await run(UNINDEX, [keys.logIndex], conversationMember(ref));
  }

  /** Contacts whose id names the person: every link goes, and the contact's own keys. */
  async function eraseContacts(m: PersonMatch, counts: EraseCounts): Promise<void> {
    const tag = `${prefix}{contact:`;
    const ids = new Set(
      (await scan(`${tag}*`)).map((key) => decodeURIComponent(key.slice(tag.length, key.lastIndexOf('}:')))),
    );
    for (const id of ids) {
      if (!m.text(id)) continue;
      const [, set] = keys.contact(id);
      for (const member of (await run(ZMEMBERS, [set])) as string[]) {
        const contactKey = keys.contactOf(refOfMember(member));
        if ((await run(GET, [contactKey])) === id) {
          await run(DEL, [contactKey]);
          counts.contacts += 1;
        }
      }
      await run(DEL, keys.contact(id));
    }
  }

  /** A key outside the queues and the refs' conversations: removed when its name or value names the person. */
  async function eraseLoose(key: string, m: PersonMatch, counts: EraseCounts): Promise<void> {
    const rest = key.slice(prefix.length);
    // The queues, the log index and contacts were handled above; other conversations are not the target's.
    if (/^(\{inbox\}|\{outbox\}|\{conv:|\{contact:|log-index$)/.test(rest)) return;
    if (rest.startsWith('msg:')) {
      const [channel, account, user] = (await run(HREF, [key])) as (string | null)[];
      const ref = channel && account !== null && user !== null ? { channel, account, user } : undefined;
      if (inKey(m, rest) || m.ref(ref as ConversationRef | undefined)) counts.messages += Number(await run(DEL, [key]));
      return;
    }
    if (rest.startsWith('kv:')) {
      const value = await run(GET, [key]);
      if (inKey(m, rest) || (typeof value === 'string' && m.text(value))) counts.kv += Number(await run(DEL, [key]));
      return;
    }
    if (!inKey(m, rest)) return;
    const removed = Number(await run(DEL, [key]));
    if (rest.startsWith('dedupe:')) counts.dedupe += removed;
  }
}
