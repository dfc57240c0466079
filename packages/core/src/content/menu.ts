import type { Content } from '../model/content.js';
import type { PendingChoices } from '../store/store.js';

/** One choice of a menu: a reply (`id`) or a link (`url`). */
export interface MenuOption {
  id?: string;
  url?: string;
  title: string;
  description?: string;
}

/** A run of options under an optional heading (a list section, a card). */
export interface MenuGroup {
  title?: string;
  subtitle?: string;
  options: MenuOption[];
}

/** Buttons, lists and cards seen as one thing: a text and groups of options, so each form can render any of them. */
export interface Menu {
  text: string;
  /** The label of a list's menu button, when the content had one. */
  button?: string;
  groups: MenuGroup[];
}

/** All options of a menu, in order. */
export function menuOptions(menu: Menu): MenuOption[] {
  return menu.groups.flatMap((group) => group.options);
}

/**
 * Renders a menu as plain text: replies numbered `1. Title`, links as `Title: url`. Returns the numbered options
 * too, so that an answer like "2" can come back as a `choice`.
 */
export function renderNumbered(menu: Menu, now: number): { text: string; pendingChoices?: PendingChoices } {
  const choices: PendingChoices['options'] = [];
  const blocks = [menu.text];
  for (const group of menu.groups) {
    const lines = [group.title, group.subtitle].filter((line): line is string => Boolean(line));
    for (const option of group.options) {
      const title = option.description ? `${option.title} – ${option.description}` : option.title;
      if (option.url !== undefined) {
        lines.push(`${title}: ${option.url}`);
      } else if (option.id !== undefined) {
        const number = String(choices.length + 1);
        choices.push({ number, id: option.id, title: option.title });
        lines.push(`${number}. ${title}`);
      }
    }
    if (lines.length > 0) blocks.push(lines.join('\n'));
  }
  const text = blocks.filter((block) => block.length > 0).join('\n\n');
  return choices.length > 0 ? { text, pendingChoices: { options: choices, at: now } } : { text };
}

/** Turns `buttons` / `list` content into a menu. */
export function toMenu(content: Extract<Content, { type: 'buttons' | 'list' }>): Menu {
  if (content.type === 'buttons') return { text: content.text, groups: [{ options: content.buttons }] };
  return {
    text: content.text,
    button: content.button,
    groups: content.sections.map((section) => ({
      ...(section.title === undefined ? {} : { title: section.title }),
      options: section.rows,
    })),
  };
}
