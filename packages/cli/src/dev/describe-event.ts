import type { Content, InboundEvent } from '@loket/core';

const quote = (text: string): string => `"${text.length > 80 ? `${text.slice(0, 77)}...` : text}"`;

/** `text "hello"`, `image (caption "x")`, `choice track`: one line for a piece of content. */
export function describeContent(content: Content): string {
  switch (content.type) {
    case 'text':
      return `text ${quote(content.text)}`;
    case 'choice':
      return `choice ${content.id}${content.title ? ` ${quote(content.title)}` : ''}`;
    case 'buttons':
    case 'list':
      return `${content.type} ${quote(content.text)}`;
    case 'template':
      return `template ${content.name}`;
    default:
      return content.type;
  }
}

/** One line for an inbound event, as the terminal and the console show it. */
export function describeEvent(event: InboundEvent): string {
  switch (event.type) {
    case 'message':
      return describeContent(event.content);
    case 'status':
      return `status ${event.status}${event.error ? ` (${event.error.code}: ${event.error.message})` : ''}`;
    case 'reaction':
      return event.emoji === null ? 'reaction removed' : `reaction ${event.emoji}`;
    case 'consent':
      return `consent ${event.consent}${event.topic ? ` (${event.topic})` : ''}`;
    case 'unsupported':
      return `unsupported (${event.reason})`;
    default:
      return event.type;
  }
}

/** One line for a message body the platform received (`{ type: 'text', text: { body } }` on WhatsApp). */
export function describeSentBody(type: string, body: Record<string, unknown>): string {
  const text =
    (body.text as { body?: unknown } | undefined)?.body ?? (body.message as { text?: unknown } | undefined)?.text;
  return typeof text === 'string' ? `text ${quote(text)}` : type;
}
