import { z } from 'zod';
import { LoketError, loketMessage } from '../errors.js';

/** Who a send is written by, as a caller may say: a human agent (with their id) or the bot. */
export interface SendAuthor {
  kind: 'agent' | 'bot';
  id?: string;
}

const sendAuthorSchema = z.strictObject({
  kind: z.enum(['agent', 'bot']),
  id: z.string().min(1).optional(),
});

/**
 * The author of a send: the caller's `author` option, checked (BAD_REQUEST for an unknown kind), or `fallback`.
 * `gateway.send` falls back to an agent, handler replies to the bot.
 */
export function sendAuthor(input: unknown, fallback: SendAuthor['kind']): SendAuthor {
  if (input === undefined) return { kind: fallback };
  const parsed = sendAuthorSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const text = parsed.error.issues.map((i) => `author${i.path.map((p) => `.${String(p)}`).join('')}: ${i.message}`);
  throw new LoketError(
    'BAD_REQUEST',
    loketMessage('gateway', `send: ${text.join('; ')} (use { kind: 'agent' | 'bot', id? })`),
  );
}
