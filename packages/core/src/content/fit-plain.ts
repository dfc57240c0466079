import type { Content, ContentOf } from '../model/content.js';
import { degrade, type FitContext, refuse } from './fit-context.js';

type Flag = 'templates' | 'reactions' | 'typing' | 'readReceipts';

const flagMisfit = (what: string) => ({ code: 'UNSUPPORTED_CONTENT', reason: `${what} are not supported` }) as const;

/** Content with no plain-text equivalent: sent as is where the channel has it, refused elsewhere, strict or not. */
export const requireFlag =
  (flag: Flag, what: string, why = '') =>
  (content: Content, ctx: FitContext): Content[] => {
    if (!ctx.caps[flag]) refuse(ctx, { code: 'UNSUPPORTED_CONTENT', reason: `${what} are not supported${why}` });
    return [content];
  };

/** Inbound-only content (what a customer picked or ordered) cannot be sent. */
export const inboundOnly = (content: Content, ctx: FitContext): Content[] =>
  refuse(ctx, {
    code: 'UNSUPPORTED_CONTENT',
    reason: `${content.type} content only comes in from customers; send buttons, a list or text instead`,
  });

/** A location; without native locations, its name, address and a map link as text. */
export function fitLocation(content: ContentOf<'location'>, ctx: FitContext): Content[] {
  if (ctx.caps.location) return [content];
  degrade(ctx, flagMisfit('location messages'));
  const map = `https://www.google.com/maps/search/?api=1&query=${content.latitude},${content.longitude}`;
  return [{ type: 'text', text: [content.name, content.address, map].filter(Boolean).join('\n') }];
}

/** Contact cards; without native contacts, each card as lines of text. */
export function fitContacts(content: ContentOf<'contacts'>, ctx: FitContext): Content[] {
  if (ctx.caps.contacts) return [content];
  degrade(ctx, flagMisfit('contact cards'));
  const cards = content.contacts.map((card) =>
    [
      card.name,
      card.organization,
      ...(card.phones ?? []).map((p) => p.phone),
      ...(card.emails ?? []).map((e) => e.email),
      ...(card.urls ?? []),
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return [{ type: 'text', text: cards.join('\n\n') }];
}
