type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const SENDER_ACTIONS = ['typing_on', 'typing_off', 'mark_seen', 'react', 'unreact'];
const MESSAGING_TYPES = ['RESPONSE', 'UPDATE', 'MESSAGE_TAG'];

/** The text limits: Messenger counts characters, Instagram UTF-8 bytes (PLATFORM_RULES 2.5, 3.5). */
const TEXT_LIMIT: Record<string, (text: string) => boolean> = {
  messenger: (text) => [...text].length <= 2000,
  instagram: (text) => new TextEncoder().encode(text).byteLength <= 1000,
};

function messageProblem(channel: string, m: Json): string | undefined {
  if (m.text === undefined && m.attachment === undefined && m.attachments === undefined)
    return 'message needs text or an attachment';
  if (m.text !== undefined && (typeof m.text !== 'string' || !(TEXT_LIMIT[channel] ?? (() => true))(m.text)))
    return channel === 'instagram' ? 'text must be at most 1000 bytes' : 'text must be at most 2000 characters';
  if (m.quick_replies !== undefined && (!Array.isArray(m.quick_replies) || m.quick_replies.length > 13))
    return 'quick_replies must be an array of at most 13';
  if (m.attachment !== undefined && !(isObj(m.attachment) && typeof m.attachment.type === 'string'))
    return 'attachment needs a type';
  return undefined;
}

/**
 * Roughly checks a Send API body the way Messenger / Instagram do (PLATFORM_RULES 2.5, 3.5): a recipient, either
 * `message` or `sender_action` (never both), a known messaging type, and HUMAN_AGENT as the only tag left.
 */
export function messagingSendProblem(channel: string, body: unknown): string | undefined {
  if (!isObj(body)) return 'the body must be a JSON object';
  if (!isObj(body.recipient) || typeof body.recipient.id !== 'string') return 'recipient.id is required';
  if ((body.message === undefined) === (body.sender_action === undefined))
    return 'exactly one of message and sender_action is required';
  if (body.messaging_type !== undefined && !MESSAGING_TYPES.includes(String(body.messaging_type)))
    return `messaging_type must be one of ${MESSAGING_TYPES.join(', ')}`;
  if (body.tag !== undefined && (body.tag !== 'HUMAN_AGENT' || body.messaging_type !== 'MESSAGE_TAG'))
    return 'Param tag must be HUMAN_AGENT with messaging_type MESSAGE_TAG';
  if (body.sender_action !== undefined)
    return SENDER_ACTIONS.includes(String(body.sender_action)) ? undefined : 'unknown sender_action';
  return isObj(body.message) ? messageProblem(channel, body.message) : 'message must be an object';
}
