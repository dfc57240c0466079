import type { WebchatContext } from './webchat-context.js';
import type { WireEvent } from './webchat-frames.js';
import type { MessageData } from './webchat-log.js';
import { signedDownloadUrl } from './webchat-signed-url.js';

/**
 * An event as a client gets it: attachments stored here get a fresh signed download URL (the log keeps only the
 * id, so a link in old history never outlives its expiry).
 */
export function present(ctx: WebchatContext, event: WireEvent, base: string): WireEvent {
  if (event.kind !== 'message') return event;
  const data = event.data as MessageData;
  const content = data.content as { media?: { id?: string } };
  const id = content.media?.id;
  if (!id?.startsWith('wca_')) return event;
  const url = signedDownloadUrl(base, ctx.options.keys[0]?.secret ?? '', id, ctx.runtime.now());
  return { ...event, data: { ...data, content: { ...data.content, media: { ...content.media, url } } } };
}
