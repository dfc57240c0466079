import type { Button, Content, ContentOf } from '../model/content.js';
import { numberedParts } from './choice-forms.js';
import { buttonsChain, fitMenu } from './fit-choices.js';
import { clip, degrade, type FitContext, type FormResult, fits } from './fit-context.js';
import type { Menu } from './menu.js';

type Card = ContentOf<'cards'>['cards'][number];

function asNativeCards(content: ContentOf<'cards'>, ctx: FitContext): FormResult {
  const caps = ctx.caps.cards;
  if (!caps) return { misfit: { code: 'UNSUPPORTED_CONTENT', reason: 'this channel has no cards' } };
  if (content.cards.length > caps.max) {
    return { misfit: { code: 'CONTENT_LIMIT', reason: `${content.cards.length} cards, at most ${caps.max} fit` } };
  }
  const crowded = content.cards.find((card) => (card.buttons?.length ?? 0) > caps.buttonsMax);
  if (crowded) {
    const reason = `card "${crowded.title}" has ${crowded.buttons?.length} buttons, at most ${caps.buttonsMax} fit`;
    return { misfit: { code: 'CONTENT_LIMIT', reason } };
  }
  const titleMax = ctx.caps.buttons?.titleMax;
  const cards = content.cards.map(
    (card): Card => ({
      ...card,
      title: clip(ctx, card.title, caps.titleMax, 'card title'),
      ...(card.subtitle ? { subtitle: clip(ctx, card.subtitle, caps.subtitleMax, 'card subtitle') } : {}),
      ...(card.buttons
        ? {
            buttons: card.buttons.map(
              (button): Button =>
                titleMax === undefined
                  ? button
                  : { ...button, title: clip(ctx, button.title, titleMax, 'button title') },
            ),
          }
        : {}),
    }),
  );
  return { parts: [{ type: 'cards', cards }] };
}

/** One card without cards: its image, then its text with its buttons (themselves fitted to the channel). */
function singleCard(card: Card, ctx: FitContext): Content[] {
  const parts: Content[] = [];
  if (card.imageUrl && ctx.caps.media.image && ctx.caps.mediaSources.url) {
    parts.push({ type: 'image', media: { url: card.imageUrl } });
  }
  const text = card.subtitle ? `${card.title}\n${card.subtitle}` : card.title;
  const buttons = card.buttons ?? [];
  if (buttons.length === 0) return [...parts, { type: 'text', text }];
  const menu: Menu = { text, groups: [{ options: buttons }] };
  return [...parts, ...fitMenu(menu, buttonsChain(buttons.some((b) => 'url' in b)), ctx)];
}

/** A carousel of cards; without cards one card becomes image + buttons, several become numbered text. */
export function fitCards(content: ContentOf<'cards'>, ctx: FitContext): Content[] {
  const native = asNativeCards(content, ctx);
  if (fits(native)) return native.parts;
  degrade(ctx, native.misfit);
  const [only] = content.cards;
  if (content.cards.length === 1 && only) return singleCard(only, ctx);
  const menu: Menu = {
    text: '',
    groups: content.cards.map((card) => ({
      title: card.title,
      ...(card.subtitle ? { subtitle: card.subtitle } : {}),
      options: card.buttons ?? [],
    })),
  };
  return numberedParts(menu, ctx);
}
