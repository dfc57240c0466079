import type { Content, ContentOf } from '../model/content.js';
import {
  asButtons,
  asCards,
  asList,
  asNumbered,
  asQuickReplies,
  type ChoiceForm,
  numberedParts,
} from './choice-forms.js';
import { degrade, type FitContext, fits } from './fit-context.js';
import { type Menu, menuOptions, toMenu } from './menu.js';

/**
 * The forms to try, best first. The first is what was asked for; each next one is the nearest form left
 * (DESIGN: 4 buttons on WhatsApp → a list; a list on Messenger → quick replies; anything → numbered text).
 */
const CHAINS = {
  buttons: [asButtons, asList, asQuickReplies, asNumbered],
  quickReplies: [asQuickReplies, asButtons, asList, asNumbered],
  linkButtons: [asButtons, asCards, asNumbered],
  linkQuickReplies: [asQuickReplies, asButtons, asCards, asNumbered],
  list: [asList, asQuickReplies, asButtons, asNumbered],
} satisfies Record<string, ChoiceForm[]>;

/** Renders a menu in the first form that fits; a fallback is a degradation (refused when strict). */
export function fitMenu(menu: Menu, chain: ChoiceForm[], ctx: FitContext): Content[] {
  const [native, ...fallbacks] = chain;
  const first = native?.(menu, ctx);
  if (first && fits(first)) return first.parts;
  if (first) degrade(ctx, first.misfit);
  for (const form of fallbacks) {
    const result = form(menu, ctx);
    if (fits(result)) return result.parts;
  }
  return numberedParts(menu, ctx);
}

/** Reply / link buttons under a text. */
export function fitButtons(content: ContentOf<'buttons'>, ctx: FitContext): Content[] {
  const menu = toMenu(content);
  const hasLinks = menuOptions(menu).some((option) => option.url !== undefined);
  if (content.style === 'quickReplies') {
    return fitMenu(menu, hasLinks ? CHAINS.linkQuickReplies : CHAINS.quickReplies, ctx);
  }
  return fitMenu(menu, buttonsChain(hasLinks), ctx);
}

/** A list message. */
export function fitList(content: ContentOf<'list'>, ctx: FitContext): Content[] {
  return fitMenu(toMenu(content), CHAINS.list, ctx);
}

/** The chain for reply (or link) buttons, also used for a single card's buttons. */
export const buttonsChain = (hasLinks: boolean): ChoiceForm[] => (hasLinks ? CHAINS.linkButtons : CHAINS.buttons);
