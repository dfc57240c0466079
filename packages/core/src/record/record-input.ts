import { z } from 'zod';
import { LoketError, loketMessage } from '../errors.js';
import { type ConversationRef, conversationRefSchema } from '../model/conversation.js';

/** A conversation ref from a caller, checked: BAD_REQUEST naming the ref otherwise. */
export function checkRef(ref: unknown, what: string): ConversationRef {
  const parsed = conversationRefSchema.safeParse(ref);
  if (parsed.success) return parsed.data;
  throw new LoketError(
    'BAD_REQUEST',
    loketMessage(
      'gateway',
      `${what}: ${JSON.stringify(ref) ?? String(ref)} is not a conversation ref { channel, account, user }`,
    ),
  );
}

/** A contact id from a caller, checked. */
export function checkContactId(contactId: unknown, what: string): string {
  if (typeof contactId === 'string' && contactId.length > 0) return contactId;
  throw new LoketError(
    'BAD_REQUEST',
    loketMessage(
      'gateway',
      `${what}: ${JSON.stringify(contactId) ?? String(contactId)} is not a contact id (a non-empty string)`,
    ),
  );
}

const pageSchema = z.strictObject({
  before: z.number().int().positive().optional(),
  after: z.number().int().nonnegative().optional(),
  limit: z.number().int().positive().optional(),
  updatedSince: z.number().optional(),
  cursor: z.string().optional(),
});

/** Paging options from a caller, checked: BAD_REQUEST naming the bad option. */
export function checkPage<T extends z.infer<typeof pageSchema>>(options: T | undefined, what: string): T {
  const parsed = pageSchema.safeParse(options ?? {});
  if (parsed.success) return parsed.data as T;
  const text = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || 'options'}: ${i.message}`).join('; ');
  throw new LoketError('BAD_REQUEST', loketMessage('gateway', `${what}: ${text}`));
}
