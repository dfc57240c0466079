import type { Content } from '@loket/core';
import { h, link, safeUrl } from './dom.js';
import { renderText } from './render-text.js';
import type { WidgetStrings } from './strings.js';

/** What rendered content may do: send a choice back, resolve media URLs against the server. */
export interface RenderContext {
  strings: WidgetStrings;
  server: string;
  choose(id: string, title: string): void;
}

type Button = { id?: string; url?: string; title: string };
const HTTP = /^https?:|^blob:/i;

function buttons(list: readonly Button[], ctx: RenderContext): HTMLElement {
  const box = h('div', { class: 'actions' });
  for (const b of list) {
    const href = b.url ? safeUrl(b.url, ctx.server, /^https?:/i) : undefined;
    if (href) box.append(link(href, b.title));
    else if (b.id) {
      const id = b.id;
      const button = h('button', { type: 'button' }, b.title);
      button.addEventListener('click', () => ctx.choose(id, b.title));
      box.append(button);
    }
  }
  return box;
}

function media(c: Extract<Content, { media: unknown }>, ctx: RenderContext): Node {
  const url = safeUrl(c.media.url, ctx.server, HTTP);
  const caption = c.caption ? h('div', {}, renderText(c.caption)) : null;
  const name = c.media.filename ?? c.type;
  if (!url) return h('span', {}, `[${name}]`, caption);
  if (c.type === 'image' || c.type === 'sticker') {
    return h('span', {}, h('img', { src: url, alt: c.caption ?? name, loading: 'lazy' }), caption);
  }
  if (c.type === 'video') return h('span', {}, h('video', { src: url, controls: true, preload: 'metadata' }), caption);
  if (c.type === 'audio') {
    const label = c.voice ? ctx.strings.voiceNote : name;
    return h('span', {}, h('audio', { src: url, controls: true, preload: 'metadata', 'aria-label': label }), caption);
  }
  return h('span', {}, link(url, name), caption);
}

/**
 * One message's content as DOM. Every Content type renders natively; whatever is unknown shows its fallback text.
 */
export function renderContent(content: Content, ctx: RenderContext): Node {
  const c = content as Content & Record<string, unknown>;
  switch (content.type) {
    case 'text':
      return renderText(content.text);
    case 'image':
    case 'video':
    case 'audio':
    case 'file':
    case 'sticker':
      return media(content, ctx);
    case 'location': {
      const href = `https://www.openstreetmap.org/?mlat=${content.latitude}&mlon=${content.longitude}`;
      return link(href, content.name ?? content.address ?? ctx.strings.location);
    }
    case 'contacts':
      return h(
        'span',
        {},
        ...content.contacts.map((card) => {
          const phone = card.phones?.[0]?.phone;
          return h(
            'div',
            {},
            card.name,
            phone ? ' · ' : '',
            phone ? link(`tel:${phone.replace(/\s/g, '')}`, phone) : '',
          );
        }),
      );
    case 'choice':
      return document.createTextNode(content.title ?? content.id);
    case 'buttons':
      return h('span', {}, renderText(content.text), buttons(content.buttons, ctx));
    case 'list':
      return h(
        'span',
        {},
        renderText(content.text),
        ...content.sections.map((s) =>
          h(
            'div',
            {},
            s.title ? h('strong', {}, s.title) : null,
            buttons(
              s.rows.map((r) => ({ id: r.id, title: r.title })),
              ctx,
            ),
          ),
        ),
      );
    case 'cards':
      return h(
        'div',
        { class: 'cards' },
        ...content.cards.map((card) => {
          const img = safeUrl(card.imageUrl, ctx.server, /^https?:/i);
          return h(
            'div',
            { class: 'card' },
            img ? h('img', { src: img, alt: '', loading: 'lazy' }) : null,
            h('strong', {}, card.title),
            card.subtitle ? h('span', {}, card.subtitle) : null,
            card.buttons ? buttons(card.buttons as Button[], ctx) : null,
          );
        }),
      );
    case 'reaction':
      return document.createTextNode(content.emoji ?? '');
    case 'template':
      return document.createTextNode(typeof c.text === 'string' ? c.text : content.name);
    default:
      return document.createTextNode(typeof c.text === 'string' ? c.text : `[${content.type}]`);
  }
}
