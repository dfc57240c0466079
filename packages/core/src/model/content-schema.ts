import { z } from 'zod';

// Validates the shapes content.ts declares (schema-check.ts keeps the two equal); internal to @loket/core except
// `contentSchema`.

/** Where media lives: a platform id, a URL, or bytes to upload (outbound). */
export const mediaSchema = z.object({
  id: z.string().optional(),
  url: z.string().optional(),
  data: z.instanceof(Uint8Array).optional(),
  mimeType: z.string().optional(),
  size: z.number().int().nonnegative().optional(),
  filename: z.string().optional(),
  sha256: z.string().optional(),
});

export const textContentSchema = z.object({
  type: z.literal('text'),
  text: z.string(),
  previewUrl: z.boolean().optional(),
});

export const mediaKindSchema = z.enum(['image', 'video', 'audio', 'file', 'sticker']);

export const mediaContentSchema = z.object({
  type: mediaKindSchema,
  media: mediaSchema,
  caption: z.string().optional(),
  /** Audio only: a voice note. */
  voice: z.boolean().optional(),
});

export const locationContentSchema = z.object({
  type: z.literal('location'),
  latitude: z.number(),
  longitude: z.number(),
  name: z.string().optional(),
  address: z.string().optional(),
});

/** One contact card (a vCard's essentials); platform extras stay in the event's `raw`. */
export const contactCardSchema = z.object({
  name: z.string(),
  phones: z.array(z.object({ phone: z.string(), type: z.string().optional(), waId: z.string().optional() })).optional(),
  emails: z.array(z.object({ email: z.string(), type: z.string().optional() })).optional(),
  organization: z.string().optional(),
  urls: z.array(z.string()).optional(),
});
export const contactsContentSchema = z.object({ type: z.literal('contacts'), contacts: z.array(contactCardSchema) });

/** The user picked a button, list row, quick reply or postback (or answered a numbered menu). */
export const choiceContentSchema = z.object({
  type: z.literal('choice'),
  id: z.string(),
  title: z.string().optional(),
  /** Extra data some platforms attach (a Flow's response, a row description). */
  data: z.record(z.string(), z.unknown()).optional(),
});

export const replyButtonSchema = z.object({ id: z.string().min(1), title: z.string().min(1) });
export const urlButtonSchema = z.object({ url: z.string().url(), title: z.string().min(1) });
export const buttonSchema = z.union([replyButtonSchema, urlButtonSchema]);

export const buttonsContentSchema = z.object({
  type: z.literal('buttons'),
  text: z.string().min(1),
  buttons: z.array(buttonSchema).min(1),
  /** How the choices are shown: reply buttons (default) or quick replies (Messenger, Instagram). */
  style: z.enum(['buttons', 'quickReplies']).optional(),
});

export const listRowSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  description: z.string().optional(),
});
export const listContentSchema = z.object({
  type: z.literal('list'),
  text: z.string().min(1),
  button: z.string().min(1),
  sections: z.array(z.object({ title: z.string().optional(), rows: z.array(listRowSchema).min(1) })).min(1),
});

export const cardSchema = z.object({
  title: z.string().min(1),
  subtitle: z.string().optional(),
  imageUrl: z.string().optional(),
  buttons: z.array(buttonSchema).optional(),
});
export const cardsContentSchema = z.object({ type: z.literal('cards'), cards: z.array(cardSchema).min(1) });

/** A template parameter: plain text, or a typed value in the platform's own shape. */
export const templateParameterSchema = z.union([z.string(), z.record(z.string(), z.unknown())]);
export const templateContentSchema = z.object({
  type: z.literal('template'),
  name: z.string().min(1),
  language: z.string().min(1),
  /** Body parameters (array, positional), named parameters (record), or full platform components. */
  parameters: z
    .union([
      z.array(templateParameterSchema),
      z.record(z.string(), templateParameterSchema),
      z.object({ components: z.array(z.record(z.string(), z.unknown())) }),
    ])
    .optional(),
});

/** An order from a catalog (WhatsApp), inbound. */
export const orderContentSchema = z.object({
  type: z.literal('order'),
  catalogId: z.string(),
  text: z.string().optional(),
  items: z.array(
    z.object({
      productId: z.string(),
      quantity: z.number(),
      price: z.number().optional(),
      currency: z.string().optional(),
    }),
  ),
});

export const reactionContentSchema = z.object({
  type: z.literal('reaction'),
  messageId: z.string().min(1),
  emoji: z.string().nullable(),
});
export const typingContentSchema = z.object({ type: z.literal('typing'), on: z.boolean().optional() });
export const readContentSchema = z.object({ type: z.literal('read'), messageId: z.string().min(1) });

/** Every kind of content, inbound and outbound. */
export const contentSchema = z.discriminatedUnion('type', [
  textContentSchema,
  mediaContentSchema,
  locationContentSchema,
  contactsContentSchema,
  choiceContentSchema,
  buttonsContentSchema,
  listContentSchema,
  cardsContentSchema,
  templateContentSchema,
  orderContentSchema,
  reactionContentSchema,
  typingContentSchema,
  readContentSchema,
]);
