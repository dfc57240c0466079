import { type Button, type ContentOf, LoketError, loketMessage } from '@loket/core';

const isUrl = (b: Button): b is Extract<Button, { url: string }> => 'url' in b;

/**
 * Buttons → reply buttons (`interactive.type: "button"`), or one link button (`cta_url`). WhatsApp cannot mix
 * the two nor send several links; the core degrades such content before it gets here, so this refuses it.
 */
export function toWhatsAppButtons(content: ContentOf<'buttons'>): Record<string, unknown> {
  const links = content.buttons.filter(isUrl);
  const body = { text: content.text };
  if (links.length === 0) {
    const buttons = content.buttons.map((b) => ({
      type: 'reply',
      reply: { id: (b as { id: string }).id, title: b.title },
    }));
    return { type: 'interactive', interactive: { type: 'button', body, action: { buttons } } };
  }
  const [link] = links;
  if (links.length > 1 || content.buttons.length > 1 || !link) {
    throw new LoketError(
      'UNSUPPORTED_CONTENT',
      loketMessage(
        'whatsapp',
        'WhatsApp sends either reply buttons or exactly one URL button, not both or several links',
      ),
      { channel: 'whatsapp' },
    );
  }
  const parameters = { display_text: link.title, url: link.url };
  return { type: 'interactive', interactive: { type: 'cta_url', body, action: { name: 'cta_url', parameters } } };
}

/** A list message: a button that opens sections of rows. */
export function toWhatsAppList(content: ContentOf<'list'>): Record<string, unknown> {
  const sections = content.sections.map((s) => ({
    ...(s.title === undefined ? {} : { title: s.title }),
    rows: s.rows.map((r) => ({
      id: r.id,
      title: r.title,
      ...(r.description === undefined ? {} : { description: r.description }),
    })),
  }));
  return {
    type: 'interactive',
    interactive: { type: 'list', body: { text: content.text }, action: { button: content.button, sections } },
  };
}
