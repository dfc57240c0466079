import { link, safeUrl } from './dom.js';

const LINKS = /\b(?:https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'}]|mailto:[^\s<>"]+@[^\s<>".,;:!?)]+|tel:\+?[\d\-() ]*\d)/gi;
const MARKS = /(\*[^*\n]+\*|_[^_\n]+_|~[^~\n]+~|`[^`\n]+`)/g;
const TAGS: Record<string, 'strong' | 'em' | 's' | 'code'> = { '*': 'strong', _: 'em', '~': 's', '`': 'code' };

/** Appends `*bold*`, `_italic_`, `~strike~` and `` `code` `` as DOM nodes; everything else stays text. */
function appendMarked(parent: Node, text: string): void {
  let last = 0;
  for (const m of text.matchAll(MARKS)) {
    const index = m.index ?? 0;
    if (index > last) parent.appendChild(document.createTextNode(text.slice(last, index)));
    const el = document.createElement(TAGS[m[0][0] ?? '*'] ?? 'strong');
    el.textContent = m[0].slice(1, -1);
    parent.appendChild(el);
    last = index + m[0].length;
  }
  if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
}

/**
 * Renders message text with DOM calls only (never innerHTML): a tiny markdown subset, and links only for
 * http, https, mailto and tel. `<img onerror>` stays the literal text it is; `javascript:` never becomes a link.
 */
export function renderText(text: string): DocumentFragment {
  const out = document.createDocumentFragment();
  let last = 0;
  for (const m of text.matchAll(LINKS)) {
    const index = m.index ?? 0;
    const href = safeUrl(m[0]);
    if (!href) continue;
    appendMarked(out, text.slice(last, index));
    out.appendChild(link(href, m[0]));
    last = index + m[0].length;
  }
  appendMarked(out, text.slice(last));
  return out;
}
