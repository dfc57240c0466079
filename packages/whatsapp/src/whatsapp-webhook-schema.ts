import {
  ButtonReplySchema,
  ContactItemSchema,
  ContactNameSchema,
  ContactSchema,
  ContextSchema,
  ErrorObjectSchema,
  ListReplySchema,
  LocationSchema,
  MessageSchema,
  MetadataSchema,
  OrderSchema,
  ProductItemSchema,
  ReactionSchema,
  ReferralSchema,
  StatusSchema,
  SystemMessageSchema,
} from 'whatsapp-cloud-api-types';
import { z } from 'zod';

// Where whatsapp-cloud-api-types is right we use it as is; every extension or loosening below is listed in
// the README ("What Loket adds to whatsapp-cloud-api-types"). Items are parsed one by one, so one odd item
// never hides the others.

/** A number, or a string that spells one (Meta sends both for coordinates, quantities and prices). */
const numberLike = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

/** The envelope: iterated level by level, each item checked on its own. */
export const webhookEnvelopeSchema = z.object({ object: z.string(), entry: z.array(z.unknown()) });
export const webhookEntrySchema = z.object({
  id: z.string(),
  time: z.number().optional(),
  changes: z.array(z.unknown()),
});
export const webhookChangeSchema = z.object({ field: z.string(), value: z.unknown() });

/** `value` of a `messages` (or `user_preferences`) change; the arrays are checked item by item. */
export const messagesValueSchema = z.object({
  metadata: MetadataSchema.partial({ display_phone_number: true }),
  contacts: z.array(z.unknown()).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  errors: z.array(z.unknown()).optional(),
  user_preferences: z.array(z.unknown()).optional(),
});

/** Async error objects: `error_data.details` is optional in practice. */
export const errorObjectSchema = ErrorObjectSchema.extend({
  error_data: z.object({ details: z.string().optional() }).loose().optional(),
});
export type WhatsAppErrorObject = z.infer<typeof errorObjectSchema>;

/** `contacts[]`: BSUID `user_id` (and `parent_user_id`), username, no phone for username users. */
export const contactSchema = ContactSchema.extend({
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  parent_user_id: z.string().optional(),
  identity_key_hash: z.string().optional(),
  profile: z.object({ name: z.string().optional(), username: z.string().optional() }).optional(),
});
export type WhatsAppContact = z.infer<typeof contactSchema>;

const interactiveSchema = z.object({
  // Not only button_reply / list_reply: nfm_reply (Flows) and types Meta adds later.
  type: z.string(),
  button_reply: ButtonReplySchema.optional(),
  list_reply: ListReplySchema.optional(),
  nfm_reply: z
    .object({ name: z.string().optional(), body: z.string().optional(), response_json: z.string() })
    .optional(),
});

/** One message of `messages[]`. */
export const messageSchema = MessageSchema.extend({
  from: z.string().optional(), // absent for username users (BSUID only)
  from_user_id: z.string().optional(),
  context: ContextSchema.optional(),
  referral: ReferralSchema.loose().optional(), // keep every CTWA field for referral.data
  interactive: interactiveSchema.optional(),
  reaction: ReactionSchema.extend({ emoji: z.string().optional() }).optional(), // removed → '' or absent
  order: OrderSchema.extend({
    product_items: z.array(
      ProductItemSchema.extend({
        quantity: numberLike,
        item_price: numberLike.optional(),
        currency: z.string().optional(),
      }),
    ),
  }).optional(),
  contacts: z.array(ContactItemSchema.extend({ name: ContactNameSchema.partial().optional() })).optional(),
  location: LocationSchema.extend({ latitude: numberLike, longitude: numberLike }).optional(),
  system: SystemMessageSchema.extend({ marketing: z.string().optional() }).optional(),
  unsupported: z.object({ type: z.string().optional() }).loose().optional(),
  errors: z.array(errorObjectSchema).optional(),
});
export type WhatsAppMessage = z.infer<typeof messageSchema>;

/** One item of `statuses[]`: `played`, BSUID recipients, no `conversation` from v24.0, loose pricing. */
export const statusSchema = StatusSchema.extend({
  status: z.string(),
  recipient_id: z.string().optional(),
  recipient_user_id: z.string().optional(),
  conversation: z.object({}).loose().optional(),
  pricing: z.object({}).loose().optional(),
  errors: z.array(errorObjectSchema).optional(),
  biz_opaque_callback_data: z.string().optional(),
});
export type WhatsAppStatus = z.infer<typeof statusSchema>;

/** One item of `user_preferences[]` (marketing opt-out / opt-in). */
export const userPreferenceSchema = z.object({
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  category: z.string(),
  value: z.string(),
  detail: z.string().optional(),
  timestamp: z.union([z.number(), z.string()]).optional(),
});
export type WhatsAppUserPreference = z.infer<typeof userPreferenceSchema>;
