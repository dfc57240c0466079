import { createHash } from 'node:crypto';
import type { ChannelAdapter } from '../adapter.js';
import { LoketError, loketMessage } from '../errors.js';
import type { Logger } from '../logger.js';
import { type ChannelId, type ConversationRef, conversationKey } from '../model/conversation.js';
import type { EraseCounts, LogEntry, PersonTarget, PrivacyStore } from '../store/record-store.js';
import type { ConversationState, DeadLetter, InboxEntry, OutboxJobRecord, Store } from '../store/store.js';
import { checkContactId, checkRef } from './record-input.js';

/** A person, named by your contact id or by one of their conversations (which brings in their contact's others). */
export type PersonRef = string | ConversationRef;

/** A stored webhook request in an export: the body as text. */
export interface ExportedRequest {
  channel: ChannelId;
  receivedAt: number;
  method: string;
  url: string;
  body: string;
}

/** Everything the store holds about a person, as JSON (the right of access). */
export interface PrivacyExport {
  exportedAt: number;
  contactId?: string;
  conversations: {
    conversation: ConversationRef;
    state?: Pick<ConversationState, 'consent' | 'controller' | 'lastInboundAt'>;
    history: LogEntry[];
  }[];
  /** Webhook requests not yet handled that mention the person. */
  inbox: ExportedRequest[];
  deadLetters: (ExportedRequest & { id: string; error: string; failedAt: number })[];
  outbox: OutboxJobRecord[];
}

/** What `privacy.erase` did. */
export interface EraseResult {
  at: number;
  /** What went, by part of the store; `adapters`: what channel adapters kept outside it (web chat attachments). */
  erased: EraseCounts & { adapters: number };
  /** The key-value entry that proves the erasure: a hash of the person's id, the time and the counts, nothing else. */
  tombstone: string;
  /** True when there was nothing left to erase and the erasure was already recorded. */
  alreadyErased: boolean;
}

/** `gateway.privacy`: the rights of access and erasure (AVG / GDPR). */
export interface PrivacyApi {
  export(person: PersonRef): Promise<PrivacyExport>;
  erase(person: PersonRef): Promise<EraseResult>;
}

const text = new TextDecoder();
const exported = (e: InboxEntry): ExportedRequest => ({
  channel: e.channel,
  receivedAt: e.receivedAt,
  method: e.request.method,
  url: e.request.url,
  body: text.decode(e.request.body),
});

/** Creates `gateway.privacy` over the store's privacy part, log, conversations and contacts. */
export function createPrivacyApi(deps: {
  store: Store;
  adapters: ReadonlyMap<ChannelId, ChannelAdapter>;
  logger: Logger;
  now: () => number;
}): PrivacyApi {
  const { store } = deps;
  const privacy = (): PrivacyStore => {
    if (store.privacy) return store.privacy;
    throw new LoketError(
      'CONFIG',
      loketMessage('gateway', `the ${store.name} store cannot export or erase: update it`),
    );
  };

  async function resolve(
    person: PersonRef,
    what: string,
  ): Promise<{ subject: string; contactId?: string; target: PersonTarget }> {
    const contacts = store.contacts;
    const refs = new Map<string, ConversationRef>();
    let contactId: string | undefined;
    if (typeof person === 'string') contactId = checkContactId(person, what);
    else {
      const ref = checkRef(person, what);
      refs.set(conversationKey(ref), ref);
      contactId = await contacts?.of(ref);
    }
    if (contactId !== undefined && contacts) {
      for (const ref of await contacts.conversations(contactId)) refs.set(conversationKey(ref), ref);
    }
    const list = [...refs.values()];
    const needles = [...new Set([...list.map((r) => r.user), ...(contactId === undefined ? [] : [contactId])])];
    const subject = typeof person === 'string' ? `contact:${person}` : `conversation:${conversationKey(list[0]!)}`;
    return { subject, ...(contactId !== undefined && { contactId }), target: { refs: list, needles } };
  }

  return {
    async export(person) {
      const { contactId, target } = await resolve(person, 'privacy.export');
      const found = await privacy().find(target);
      const conversations = await Promise.all(
        target.refs.map(async (conversation) => {
          const state = await store.conversations.get(conversation);
          const history = await store.log.read(conversation);
          const item: PrivacyExport['conversations'][number] = { conversation, history };
          if (state) {
            item.state = { consent: state.consent };
            if (state.controller) item.state.controller = state.controller;
            if (state.lastInboundAt !== undefined) item.state.lastInboundAt = state.lastInboundAt;
          }
          return item;
        }),
      );
      const out: PrivacyExport = {
        exportedAt: deps.now(),
        conversations,
        inbox: found.inbox.map(exported),
        deadLetters: found.deadLetters.map((d: DeadLetter) => ({
          ...exported(d),
          id: d.id,
          error: d.error,
          failedAt: d.failedAt,
        })),
        outbox: found.outbox,
      };
      if (contactId !== undefined) out.contactId = contactId;
      return out;
    },

    async erase(person) {
      const { subject, target } = await resolve(person, 'privacy.erase');
      const counts = await privacy().erase(target);
      let adapters = 0;
      for (const adapter of deps.adapters.values()) if (adapter.forget) adapters += await adapter.forget(target);
      const at = deps.now();
      const erased = { ...counts, adapters };
      // The tombstone names the person only by a hash, so a search of the store for their ids finds nothing.
      const tombstone = `loket:erasure:${createHash('sha256').update(subject).digest('hex')}`;
      const nothing = Object.values(erased).every((n) => n === 0);
      const kv = store.kv;
      let alreadyErased = false;
      if (kv) {
        const value = JSON.stringify({ at, erased });
        alreadyErased = nothing && (await kv.get(tombstone)) !== undefined;
        if (!alreadyErased) await kv.set(tombstone, value);
      } else
        deps.logger.warn({ store: store.name }, 'privacy.erase: the store has no key-value part for the tombstone');
      return { at, erased, tombstone, alreadyErased };
    },
  };
}
