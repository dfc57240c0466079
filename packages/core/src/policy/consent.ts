import type { ConversationRef } from '../model/conversation.js';
import type { ConsentRecord, ConversationState, ConversationStore } from '../store/store.js';

/** Records and reads consent for business-initiated messages (templates, broadcasts). */
export interface ConsentApi {
  /** Records that the customer opted in; `topic` defaults to `'*'` (everything), `source` to `'api'`. */
  grant(ref: ConversationRef, options?: { topic?: string; source?: string }): Promise<void>;
  /** Records that the customer opted out; `topic` defaults to `'*'` (everything), `source` to `'api'`. */
  revoke(ref: ConversationRef, options?: { topic?: string; source?: string }): Promise<void>;
  /** Whether consent for `topic` (default `'*'`) is granted now. */
  has(ref: ConversationRef, topic?: string): Promise<boolean>;
}

/** The consent in force for a topic: the newest of its own record and the `'*'` record (a revocation wins a tie). */
export function effectiveConsent(state: ConversationState | undefined, topic = '*'): ConsentRecord | undefined {
  const own = state?.consent[topic];
  const all = topic === '*' ? undefined : state?.consent['*'];
  if (!own || !all) return own ?? all;
  if (own.at !== all.at) return own.at > all.at ? own : all;
  return own.status === 'revoked' ? own : all;
}

/** Stores a consent record unless the stored one for that topic is newer (a late, redelivered event changes nothing). */
export async function recordConsent(
  store: ConversationStore,
  ref: ConversationRef,
  record: ConsentRecord,
): Promise<void> {
  const current = (await store.get(ref))?.consent[record.topic];
  if (current && current.at > record.at) return;
  await store.setConsent(ref, record);
}

/** The consent API over a conversation store. */
export function createConsentApi(store: ConversationStore, now: () => number): ConsentApi {
  const write = (
    ref: ConversationRef,
    status: ConsentRecord['status'],
    options: { topic?: string; source?: string } = {},
  ) => recordConsent(store, ref, { topic: options.topic ?? '*', status, source: options.source ?? 'api', at: now() });
  return {
    grant: (ref, options) => write(ref, 'granted', options),
    revoke: (ref, options) => write(ref, 'revoked', options),
    has: async (ref, topic) => effectiveConsent(await store.get(ref), topic)?.status === 'granted',
  };
}
