// Prelude `log-entry`: a conversation `ref`, a message entry's `data` and its `clientMessageId`.
import type { MessageEntryData as LogPreludeData } from '@loket/core';

export const ref = { channel: 'webchat', account: 'site', user: 'visitor-7' } as const;
export const clientMessageId = 'c-1';
export const data: LogPreludeData = {
  messageId: 'm-1',
  author: { kind: 'customer', id: ref.user },
  content: { type: 'text', text: 'Mail me at jan@example.nl' },
  clientMessageId,
};
