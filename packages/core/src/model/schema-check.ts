// Compile-time only (nothing imports this file): the named interfaces users read and the zod schemas that validate
// the same data must stay identical. `tsc` (npm run typecheck) fails on the line of the pair that drifted apart.
import type { z } from 'zod';
import type * as C from './content.js';
import type * as CS from './content-schema.js';
import type * as V from './conversation.js';
import type * as E from './event-schema.js';
import type * as T from './events.js';
import type * as O from './outbound.js';

/** `true` only when A and B are the same type: same properties, same optionality, nothing extra on either side. */
type Equals<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
/** Both directions of assignability (for unions whose members are spelled differently but accept the same data). */
type Interchangeable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Same<I, S extends z.ZodType> = Equals<I, z.infer<S>>;
/** Same, except `content`, which holds the same data (see the Content checks below). */
type SameAround<I extends { content: unknown }, S extends z.ZodType<{ content: unknown }>> = [
  Equals<Omit<I, 'content'>, Omit<z.infer<S>, 'content'>>,
  Interchangeable<I['content'], z.infer<S>['content']>,
] extends [true, true]
  ? true
  : false;
type Check<T extends true> = T;

export type ContentChecks = [
  Check<Same<C.Media, typeof CS.mediaSchema>>,
  Check<Same<C.MediaKind, typeof CS.mediaKindSchema>>,
  Check<Same<C.TextContent, typeof CS.textContentSchema>>,
  Check<Same<C.MediaContent, typeof CS.mediaContentSchema>>,
  Check<Same<C.LocationContent, typeof CS.locationContentSchema>>,
  Check<Same<C.ContactCard, typeof CS.contactCardSchema>>,
  Check<Same<C.ContactsContent, typeof CS.contactsContentSchema>>,
  Check<Same<C.ChoiceContent, typeof CS.choiceContentSchema>>,
  Check<Same<C.ReplyButton, typeof CS.replyButtonSchema>>,
  Check<Same<C.UrlButton, typeof CS.urlButtonSchema>>,
  Check<Same<C.Button, typeof CS.buttonSchema>>,
  Check<Same<C.ButtonsContent, typeof CS.buttonsContentSchema>>,
  Check<Same<C.ListRow, typeof CS.listRowSchema>>,
  Check<Same<C.ListContent, typeof CS.listContentSchema>>,
  Check<Same<C.Card, typeof CS.cardSchema>>,
  Check<Same<C.CardsContent, typeof CS.cardsContentSchema>>,
  Check<Same<C.TemplateParameter, typeof CS.templateParameterSchema>>,
  Check<Same<C.TemplateContent, typeof CS.templateContentSchema>>,
  Check<Same<C.OrderContent, typeof CS.orderContentSchema>>,
  Check<Same<C.ReactionContent, typeof CS.reactionContentSchema>>,
  Check<Same<C.TypingContent, typeof CS.typingContentSchema>>,
  Check<Same<C.ReadContent, typeof CS.readContentSchema>>,
  // `Content` spells the media member once per kind (so `ContentOf<'image'>` is `ImageContent`); the schema has one
  // member for all five kinds. The same data either way:
  Check<Interchangeable<C.Content, z.infer<typeof CS.contentSchema>>>,
  Check<Equals<C.ContentType, z.infer<typeof CS.contentSchema>['type']>>,
];

export type EventChecks = [
  Check<Same<V.ChannelId, typeof V.channelIdSchema>>,
  Check<Same<V.ConversationRef, typeof V.conversationRefSchema>>,
  Check<Same<T.Referral, typeof E.referralSchema>>,
  Check<Same<T.SendStatus, typeof E.sendStatusSchema>>,
  Check<Same<T.StatusError, typeof E.statusErrorSchema>>,
  Check<SameAround<T.MessageEvent, typeof E.messageEventSchema>>,
  Check<Same<T.ReactionEvent, typeof E.reactionEventSchema>>,
  Check<Same<T.StatusEvent, typeof E.statusEventSchema>>,
  Check<Same<T.ConsentEvent, typeof E.consentEventSchema>>,
  Check<Same<T.ReadEvent, typeof E.readEventSchema>>,
  Check<Same<T.TypingEvent, typeof E.typingEventSchema>>,
  Check<Same<T.ReferralEvent, typeof E.referralEventSchema>>,
  Check<SameAround<T.EchoEvent, typeof E.echoEventSchema>>,
  Check<Same<T.HandoverEvent, typeof E.handoverEventSchema>>,
  Check<Same<T.UnsupportedEvent, typeof E.unsupportedEventSchema>>,
  Check<Interchangeable<T.InboundEvent, z.infer<typeof E.inboundEventSchema>>>,
  Check<Equals<T.InboundEventType, z.infer<typeof E.inboundEventSchema>['type']>>,
];

export type OutboundChecks = [
  Check<SameAround<O.OutboundMessage, typeof O.outboundMessageSchema>>,
  Check<Same<O.SendReceipt, typeof O.sendReceiptSchema>>,
];
