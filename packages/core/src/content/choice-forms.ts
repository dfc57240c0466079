import type { Button, Content } from '../model/content.js';
import { clip, degrade, type FitContext, type FormResult } from './fit-context.js';
import { type LengthUnit, measure, splitText, truncate } from './measure.js';
import { type Menu, type MenuOption, menuOptions, renderNumbered } from './menu.js';

/** Renders a menu in one form the channel has, or says why it cannot. */
export type ChoiceForm = (menu: Menu, ctx: FitContext) => FormResult;

/** The label of the menu button when buttons become a list (the content had none of its own). */
export const DEFAULT_LIST_BUTTON = 'Options';

const misfit = (code: 'UNSUPPORTED_CONTENT' | 'CONTENT_LIMIT', reason: string): FormResult => ({
  misfit: { code, reason },
});

/** A body over `max`: everything but its last part goes ahead as plain text, the last part stays the body. */
function fitBody(ctx: FitContext, text: string, max: number, what: string, unit: LengthUnit = 'chars') {
  if (measure(text, unit) <= max) return { lead: [] as Content[], body: text };
  degrade(ctx, { code: 'CONTENT_LIMIT', reason: `${what} is longer than ${max} ${unit}` });
  const body = splitText(text, max, unit).at(-1) ?? text;
  const lead = text.slice(0, text.length - body.length).trimEnd();
  return { lead: lead ? [{ type: 'text', text: lead } as Content] : [], body };
}

const linkCount = (options: MenuOption[]) => options.filter((option) => option.url !== undefined).length;

/** Reply buttons (and link buttons where the channel allows them) under a text. */
export const asButtons: ChoiceForm = (menu, ctx) => {
  const caps = ctx.caps.buttons;
  if (!caps) return misfit('UNSUPPORTED_CONTENT', 'this channel has no buttons');
  const options = menuOptions(menu);
  const links = linkCount(options);
  if (options.length > caps.max) return misfit('CONTENT_LIMIT', `${options.length} buttons, at most ${caps.max} fit`);
  if (links > 0 && caps.urlMax === 0) return misfit('UNSUPPORTED_CONTENT', 'this channel has no link buttons');
  if (links > caps.urlMax) return misfit('CONTENT_LIMIT', `${links} link buttons, at most ${caps.urlMax} fit`);
  if (links > 0 && links < options.length && !caps.mixed) {
    return misfit('UNSUPPORTED_CONTENT', 'link buttons and reply buttons cannot share one message on this channel');
  }
  const { lead, body } = fitBody(ctx, menu.text, caps.textMax, 'button text');
  const buttons = options.map((option): Button => {
    const title = clip(ctx, option.title, caps.titleMax, 'button title');
    return option.url !== undefined ? { url: option.url, title } : { id: option.id ?? option.title, title };
  });
  return { parts: [...lead, { type: 'buttons', text: body, buttons }] };
};

/** Quick replies under a text (Messenger, Instagram): replies only, no links. */
export const asQuickReplies: ChoiceForm = (menu, ctx) => {
  const caps = ctx.caps.quickReplies;
  if (!caps) return misfit('UNSUPPORTED_CONTENT', 'this channel has no quick replies');
  const options = menuOptions(menu);
  if (linkCount(options) > 0) return misfit('UNSUPPORTED_CONTENT', 'quick replies cannot open links');
  if (options.length > caps.max)
    return misfit('CONTENT_LIMIT', `${options.length} quick replies, at most ${caps.max} fit`);
  const { lead, body } = caps.textMax
    ? fitBody(ctx, menu.text, caps.textMax, 'quick reply text')
    : fitBody(ctx, menu.text, ctx.caps.text.maxLength, 'quick reply text', ctx.caps.text.unit);
  const buttons = options.map((option) => ({
    id: option.id ?? option.title,
    title: clip(ctx, option.title, caps.titleMax, 'quick reply title'),
  }));
  return { parts: [...lead, { type: 'buttons', style: 'quickReplies', text: body, buttons }] };
};

/** A list message: a menu button that opens rows, in sections. */
export const asList: ChoiceForm = (menu, ctx) => {
  const caps = ctx.caps.list;
  if (!caps) return misfit('UNSUPPORTED_CONTENT', 'this channel has no list messages');
  const options = menuOptions(menu);
  if (linkCount(options) > 0) return misfit('UNSUPPORTED_CONTENT', 'list rows cannot open links');
  if (options.length > caps.maxRows)
    return misfit('CONTENT_LIMIT', `${options.length} rows, at most ${caps.maxRows} fit`);
  if (menu.groups.length > caps.maxSections) {
    return misfit('CONTENT_LIMIT', `${menu.groups.length} sections, at most ${caps.maxSections} fit`);
  }
  // An id cannot be shortened: the answer would no longer name the row.
  const longId = options.find((option) => caps.rowIdMax !== undefined && (option.id ?? '').length > caps.rowIdMax);
  if (longId) return misfit('CONTENT_LIMIT', `row id "${longId.id}" is longer than ${caps.rowIdMax} chars`);
  const { lead, body } = fitBody(ctx, menu.text, caps.textMax, 'list text');
  const sections = menu.groups.map((group) => ({
    ...(group.title ? { title: clip(ctx, group.title, caps.sectionTitleMax, 'section title') } : {}),
    rows: group.options.map((option) => ({
      id: option.id ?? option.title,
      title: clip(ctx, option.title, caps.rowTitleMax, 'row title'),
      ...(option.description
        ? { description: clip(ctx, option.description, caps.descriptionMax, 'row description') }
        : {}),
    })),
  }));
  const button = clip(ctx, menu.button ?? DEFAULT_LIST_BUTTON, caps.buttonMax, 'list button');
  return { parts: [...lead, { type: 'list', text: body, button, sections }] };
};

/** A carousel of cards holding the buttons (for link buttons that do not fit as buttons). */
export const asCards: ChoiceForm = (menu, ctx) => {
  const caps = ctx.caps.cards;
  if (!caps || caps.buttonsMax === 0) return misfit('UNSUPPORTED_CONTENT', 'this channel has no cards with buttons');
  const options = menuOptions(menu);
  const chunks: MenuOption[][] = [];
  for (let i = 0; i < options.length; i += caps.buttonsMax) chunks.push(options.slice(i, i + caps.buttonsMax));
  if (chunks.length > caps.max)
    return misfit('CONTENT_LIMIT', `${chunks.length} cards needed, at most ${caps.max} fit`);
  // The text is the cards' title when it fits; otherwise it goes first as text and the cards name their buttons.
  const textFits = measure(menu.text) <= caps.titleMax;
  const titleMax = ctx.caps.buttons?.titleMax;
  const cards = chunks.map((chunk) => ({
    title: textFits ? menu.text : truncate(chunk.map((o) => o.title).join(' / '), caps.titleMax),
    buttons: chunk.map((option): Button => {
      const title = titleMax === undefined ? option.title : clip(ctx, option.title, titleMax, 'button title');
      return option.url !== undefined ? { url: option.url, title } : { id: option.id ?? option.title, title };
    }),
  }));
  const lead: Content[] = textFits ? [] : [{ type: 'text', text: menu.text }];
  return { parts: [...lead, { type: 'cards', cards }] };
};

/** Plain numbered text, the form every channel has; numbered answers come back as choices. */
export function numberedParts(menu: Menu, ctx: FitContext): Content[] {
  const { text, pendingChoices } = renderNumbered(menu, ctx.now);
  if (pendingChoices) ctx.pendingChoices = pendingChoices;
  return [{ type: 'text', text }];
}

/** {@link numberedParts} as a form: always fits. */
export const asNumbered: ChoiceForm = (menu, ctx) => ({ parts: numberedParts(menu, ctx) });
