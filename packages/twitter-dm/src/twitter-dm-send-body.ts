import { type Content, LoketError, loketMessage } from '@loket/core';

/** One X API call a message turns into. */
export interface XSendRequest {
  method: 'POST';
  path: string;
  query?: Record<string, string>;
  json?: unknown;
  /** Which answer to expect: a v2 DM event, a v1.1 event, or 204 (typing, read). */
  answer: 'v2' | 'v1' | 'none';
}

/** What the body mapping needs to know. */
export interface XBodyOptions {
  typingPath: string | false;
  readPath: string | false;
  quickReplies: boolean;
}

function unsupported(what: string): LoketError {
  return new LoketError('UNSUPPORTED_CONTENT', loketMessage('twitter-dm', `${what} cannot be sent as an X DM`), {
    channel: 'twitter-dm',
  });
}

function off(what: string): LoketError {
  return new LoketError(
    'UNSUPPORTED_CONTENT',
    loketMessage('twitter-dm', `${what} are turned off in twitterDm({...})`),
    {
      channel: 'twitter-dm',
    },
  );
}

/**
 * The request for one message to `user` (PLATFORM_RULES 4.5): a DM through `POST /2/dm_conversations/with/
 * :participant_id/messages` (`{ text?, attachments?: [{ media_id }] }`), quick replies through v1.1 `events/new`,
 * typing and read through the v1.1 endpoints. Media must already have an id (uploads happen before).
 */
export function toXRequest(user: string, content: Content, o: XBodyOptions): XSendRequest {
  const dm = (body: Record<string, unknown>): XSendRequest => ({
    method: 'POST',
    path: `/2/dm_conversations/with/${user}/messages`,
    json: body,
    answer: 'v2',
  });
  switch (content.type) {
    case 'text':
      return dm({ text: content.text });
    case 'image':
    case 'video': {
      if (!content.media.id) throw unsupported('media without an id (upload it first)');
      return dm({
        ...(content.caption ? { text: content.caption } : {}),
        attachments: [{ media_id: content.media.id }],
      });
    }
    case 'buttons': {
      if (!o.quickReplies || content.buttons.some((b) => 'url' in b)) throw unsupported('buttons');
      const options = content.buttons.map((b) => ({ label: b.title, metadata: 'id' in b ? b.id : b.title }));
      const message_data = { text: content.text, quick_reply: { type: 'options', options } };
      const event = { type: 'message_create', message_create: { target: { recipient_id: user }, message_data } };
      return { method: 'POST', path: '/1.1/direct_messages/events/new.json', json: { event }, answer: 'v1' };
    }
    case 'typing':
      if (!o.typingPath) throw off('typing indicators');
      return { method: 'POST', path: o.typingPath, query: { recipient_id: user }, answer: 'none' };
    case 'read':
      if (!o.readPath) throw off('read receipts');
      return {
        method: 'POST',
        path: o.readPath,
        query: { last_read_event_id: content.messageId, recipient_id: user },
        answer: 'none',
      };
    default:
      throw unsupported(content.type);
  }
}
