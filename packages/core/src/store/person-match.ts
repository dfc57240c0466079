import { type ConversationRef, conversationKey } from '../model/conversation.js';
import type { PersonTarget } from './record-store.js';
import type { StoredRequest } from './store.js';

/** Tests whether stored data is about a person: a ref of theirs, or a needle (or a ref's user id) in its text. */
export interface PersonMatch {
  /** The needles searched in raw data: the target's, plus each ref's user id (empty ones dropped). */
  readonly needles: readonly string[];
  ref(ref: ConversationRef | undefined): boolean;
  text(text: string | undefined): boolean;
  bytes(bytes: Uint8Array): boolean;
  request(request: StoredRequest): boolean;
}

const decoder = new TextDecoder();

/** The matcher every store's privacy search uses, so memory, SQLite and Redis agree on what "mentions" means. */
export function personMatch(target: PersonTarget): PersonMatch {
  const refs = new Set(target.refs.map(conversationKey));
  const needles = [...new Set([...target.needles, ...target.refs.map((r) => r.user)])].filter((n) => n.length > 0);
  const text = (value: string | undefined) => value !== undefined && needles.some((n) => value.includes(n));
  const bytes = (value: Uint8Array) => text(decoder.decode(value));
  return {
    needles,
    ref: (ref) => ref !== undefined && refs.has(conversationKey(ref)),
    text,
    bytes,
    request: (r) => text(r.url) || text(JSON.stringify(r.headers)) || bytes(r.body),
  };
}
