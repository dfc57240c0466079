import type { ContactCard, ContentOf } from '@loket/core';

/**
 * Contact cards. WhatsApp wants `formatted_name` plus at least one name part, so the name is split at its first
 * space into `first_name` / `last_name`.
 */
export function toWhatsAppContacts(content: ContentOf<'contacts'>): Record<string, unknown> {
  return { type: 'contacts', contacts: content.contacts.map(card) };
}

function card(c: ContactCard): Record<string, unknown> {
  const space = c.name.indexOf(' ');
  const name =
    space > 0
      ? { formatted_name: c.name, first_name: c.name.slice(0, space), last_name: c.name.slice(space + 1) }
      : { formatted_name: c.name, first_name: c.name };
  const out: Record<string, unknown> = { name };
  if (c.phones?.length)
    out.phones = c.phones.map((p) => ({
      phone: p.phone,
      ...(p.type ? { type: p.type } : {}),
      ...(p.waId ? { wa_id: p.waId } : {}),
    }));
  if (c.emails?.length) out.emails = c.emails.map((e) => ({ email: e.email, ...(e.type ? { type: e.type } : {}) }));
  if (c.organization) out.org = { company: c.organization };
  if (c.urls?.length) out.urls = c.urls.map((url) => ({ url }));
  return out;
}
