import { LoketError, loketMessage } from '../errors.js';
import type { Capabilities } from '../model/capabilities.js';
import type { Content, ContentOf, ContentType } from '../model/content.js';
import { contentSchema } from '../model/content-schema.js';
import type { PendingChoices } from '../store/store.js';
import { fitCards } from './fit-cards.js';
import { fitButtons, fitList } from './fit-choices.js';
import { degrade, type FitContext, refuse } from './fit-context.js';
import { fitMedia } from './fit-media.js';
import { fitContacts, fitLocation, inboundOnly, requireFlag } from './fit-plain.js';
import { measure, splitText } from './measure.js';

/** What a channel will be sent for one piece of content. */
export interface FitResult {
  /** One or more messages, in order (a long text becomes several). */
  parts: Content[];
  /** True when the content had to change to fit the channel. */
  degraded: boolean;
  /** Set when the content became a numbered text menu: keep it, so a numbered answer maps back to a `choice`. */
  pendingChoices?: PendingChoices;
}

/** Options of {@link fitContent}. */
export interface FitOptions {
  /** The channel's id, for error messages. */
  channel: string;
  /** Refuse content that does not fit (UNSUPPORTED_CONTENT / CONTENT_LIMIT) instead of degrading it. */
  strict?: boolean;
  /** The time stamped on `pendingChoices` (ms); defaults to `Date.now()`. */
  now?: number;
  /** The message quotes this message id: refused on channels that cannot quote. */
  replyTo?: string;
}

type Fitter<K extends ContentType> = (content: ContentOf<K>, ctx: FitContext) => Content[];

/** One fitter per content kind: the degradation rules are data, never a question about the channel. */
const FITTERS: { [K in ContentType]: Fitter<K> } = {
  text: (content) => [content],
  image: fitMedia,
  video: fitMedia,
  audio: fitMedia,
  file: fitMedia,
  sticker: fitMedia,
  location: fitLocation,
  contacts: fitContacts,
  buttons: fitButtons,
  list: fitList,
  cards: fitCards,
  template: requireFlag('templates', 'message templates', ' (a template cannot be rebuilt from other messages)'),
  reaction: requireFlag('reactions', 'reactions'),
  typing: requireFlag('typing', 'typing indicators'),
  read: requireFlag('readReceipts', 'read receipts'),
  choice: inboundOnly,
  order: inboundOnly,
};

/** Long texts become several, split on word boundaries; the last step for every part. */
function splitLongTexts(parts: Content[], ctx: FitContext): Content[] {
  const { maxLength, unit } = ctx.caps.text;
  return parts.flatMap((part) => {
    if (part.type !== 'text' || measure(part.text, unit) <= maxLength) return [part];
    degrade(ctx, { code: 'CONTENT_LIMIT', reason: `the text is longer than ${maxLength} ${unit}` });
    return splitText(part.text, maxLength, unit).map((text) => ({ ...part, text }));
  });
}

/**
 * Checks content against a channel's capabilities. Content that does not fit is degraded to the nearest form the
 * channel has (4 buttons on WhatsApp → a list; a list on Messenger → quick replies; anything → numbered text) and
 * marked `degraded`; with `strict: true` it is refused with UNSUPPORTED_CONTENT or CONTENT_LIMIT instead.
 * Content that has no honest substitute (a template, a reaction, an unsupported media type) is always refused.
 *
 * @example
 * const fit = fitContent({ type: 'buttons', text: 'Pick one', buttons }, adapter.capabilities, { channel: 'whatsapp' });
 * for (const part of fit.parts) await adapter.send({ to, content: part });
 */
export function fitContent(content: Content, capabilities: Capabilities, options: FitOptions): FitResult {
  const parsed = contentSchema.safeParse(content);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'content'}: ${issue.message}`);
    throw new LoketError('BAD_REQUEST', loketMessage(options.channel, `content is not valid: ${issues.join('; ')}`), {
      channel: options.channel,
      cause: parsed.error,
    });
  }
  const ctx: FitContext = {
    caps: capabilities,
    channel: options.channel,
    strict: options.strict ?? false,
    now: options.now ?? Date.now(),
    degraded: false,
  };
  if (options.replyTo !== undefined && !capabilities.replyTo) {
    refuse(ctx, { code: 'UNSUPPORTED_CONTENT', reason: 'replies that quote a message are not supported' });
  }
  const fitter = FITTERS[content.type] as Fitter<ContentType>;
  const parts = splitLongTexts(fitter(content, ctx), ctx);
  return {
    parts,
    degraded: ctx.degraded,
    ...(ctx.pendingChoices ? { pendingChoices: ctx.pendingChoices } : {}),
  };
}
