import { z } from 'zod';

const limit = z.number().int().positive();

export const mediaLimitSchema = z.object({ maxBytes: limit, mimeTypes: z.array(z.string()).optional() });
/** What a channel accepts for one media kind. */
export type MediaLimit = z.infer<typeof mediaLimitSchema>;

/** The customer-service window a channel enforces; `null` on channels without one. */
export const windowRuleSchema = z.object({
  /** Free-form messages are allowed this long after the customer's last message (24 h on Meta channels). */
  freeFormMs: limit,
  /** With `tag: 'human_agent'`, how long after the customer's last message a human agent may still answer. */
  humanAgentMs: limit.optional(),
  /** Whether approved templates may be sent outside the window (WhatsApp). */
  templatesOutside: z.boolean(),
  /** Inbound event types that open (reset) the window: `['message']`, or more on Messenger (postbacks, reactions). */
  openedBy: z.array(z.string()).min(1),
});
export type WindowRule = z.infer<typeof windowRuleSchema>;

export const pacingSchema = z.object({
  /** Per business account: a token bucket of `perSecond` with room for `burst`. */
  perAccount: z.object({ perSecond: z.number().positive(), burst: limit.optional() }).optional(),
  /** Per recipient: one message every `intervalMs`, bursts of up to `burst` borrowed from the future. */
  perRecipient: z.object({ intervalMs: limit, burst: limit.optional() }).optional(),
});
export type Pacing = z.infer<typeof pacingSchema>;

/**
 * What a channel can render, its limits, and the rules the core enforces for it. Adapters declare these;
 * the core checks and degrades content against them and never asks which channel it is talking to.
 */
export const capabilitiesSchema = z.object({
  text: z.object({ maxLength: limit, unit: z.enum(['chars', 'bytes']) }),
  /** Media kinds the channel can send; a missing kind is not supported. */
  media: z.object({
    image: mediaLimitSchema.optional(),
    video: mediaLimitSchema.optional(),
    audio: mediaLimitSchema.optional(),
    file: mediaLimitSchema.optional(),
    sticker: mediaLimitSchema.optional(),
  }),
  /** How outbound media may be given. */
  mediaSources: z.object({ url: z.boolean(), id: z.boolean(), upload: z.boolean() }),
  /** `false` where media carries no caption (Messenger, Instagram): the caption is sent as a text after it. */
  mediaCaptions: z.boolean().optional(),
  /** Reply buttons under a text. `urlMax`: link buttons allowed; `mixed`: links and replies in one message. */
  buttons: z
    .object({ max: limit, titleMax: limit, textMax: limit, urlMax: z.number().int().nonnegative(), mixed: z.boolean() })
    .optional(),
  /** A menu of rows (WhatsApp list message). */
  list: z
    .object({
      maxRows: limit,
      maxSections: limit,
      buttonMax: limit,
      rowTitleMax: limit,
      rowIdMax: limit.optional(),
      descriptionMax: limit,
      sectionTitleMax: limit,
      textMax: limit,
    })
    .optional(),
  /** Quick replies under a text (Messenger, Instagram). */
  quickReplies: z.object({ max: limit, titleMax: limit, textMax: limit.optional() }).optional(),
  /** A carousel of cards (generic template). */
  cards: z
    .object({ max: limit, titleMax: limit, subtitleMax: limit, buttonsMax: z.number().int().nonnegative() })
    .optional(),
  templates: z.boolean(),
  location: z.boolean(),
  contacts: z.boolean(),
  reactions: z.boolean(),
  typing: z.boolean(),
  readReceipts: z.boolean(),
  replyTo: z.boolean(),
  window: windowRuleSchema.nullable(),
  /**
   * The adapter appends the channel's messages (in and out) to `store.log` itself, in the same step that stores
   * them (its log is the channel's truth), so the gateway must not append them again.
   */
  ownLog: z.boolean().optional(),
  pacing: pacingSchema,
});
/** What a channel can render and the rules it has. */
export type Capabilities = z.infer<typeof capabilitiesSchema>;
