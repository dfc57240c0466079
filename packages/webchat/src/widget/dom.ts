/** Creates an element with attributes and children; text children become text nodes, never HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === true) el.setAttribute(k, '');
    else if (typeof v === 'string') el.setAttribute(k, v);
  }
  for (const c of children) if (c) el.append(c);
  return el;
}

const SAFE_LINK = /^(https?:|mailto:|tel:)/i;

/** The URL if it is http(s), mailto or tel (resolved against `base` when relative); undefined otherwise. */
export function safeUrl(raw: unknown, base?: string, schemes = SAFE_LINK): string | undefined {
  if (typeof raw !== 'string' || !raw) return undefined;
  try {
    const url = new URL(raw, base ?? globalThis.location?.href);
    return schemes.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined; // not a URL at all: shown as text by the caller
  }
}

/** A link that opens in a new tab without handing the page a `window.opener`. */
export function link(href: string, text: string): HTMLAnchorElement {
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, text);
}
