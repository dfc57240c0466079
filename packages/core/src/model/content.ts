// The content a message carries, as named interfaces a user can read in a hover. The zod schemas in
// content-schema.ts validate the same shapes; schema-check.ts fails the build when the two drift apart.

/** The media content kinds. */
export type MediaKind = 'image' | 'video' | 'audio' | 'file' | 'sticker';

/** A media reference. Outbound, exactly one of `id`, `url` or `data` is used (in that order of preference). */
export interface Media {
  /** The platform's media id (inbound, or uploaded earlier). */
  id?: string;
  /** A public URL the platform fetches. */
  url?: string;
  /** Bytes to upload (outbound). */
  data?: Uint8Array<ArrayBuffer>;
  mimeType?: string;
  /** Size in bytes. */
  size?: number;
  filename?: string;
  /** The platform's checksum, where it sends one. */
  sha256?: string;
}

/** Plain text. */
export interface TextContent {
  type: 'text';
  text: string;
  /** Ask the platform to show a preview of the first link (WhatsApp). */
  previewUrl?: boolean;
}

/** An image, video, audio clip, file or sticker; `K` narrows the kind. */
export interface MediaContent<K extends MediaKind = MediaKind> {
  type: K;
  media: Media;
  caption?: string;
  /** Audio only: a voice note. */
  voice?: boolean;
}
/** An image. */
export type ImageContent = MediaContent<'image'>;
/** A video. */
export type VideoContent = MediaContent<'video'>;
/** An audio clip or (with `voice`) a voice note. */
export type AudioContent = MediaContent<'audio'>;
/** A document or any other file. */
export type FileContent = MediaContent<'file'>;
/** A sticker. */
export type StickerContent = MediaContent<'sticker'>;

/** A place on the map. */
export interface LocationContent {
  type: 'location';
  latitude: number;
  longitude: number;
  name?: string;
  address?: string;
}

/** A phone number on a contact card. */
export interface ContactPhone {
  phone: string;
  /** `CELL`, `WORK`, … as the platform labels it. */
  type?: string;
  /** The number's WhatsApp id, when it has one. */
  waId?: string;
}
/** An email address on a contact card. */
export interface ContactEmail {
  email: string;
  type?: string;
}
/** One contact card (a vCard's essentials); platform extras stay in the event's `raw`. */
export interface ContactCard {
  name: string;
  phones?: ContactPhone[];
  emails?: ContactEmail[];
  organization?: string;
  urls?: string[];
}
/** One or more contact cards. */
export interface ContactsContent {
  type: 'contacts';
  contacts: ContactCard[];
}

/** The user picked a button, list row, quick reply or postback (or answered a numbered menu). */
export interface ChoiceContent {
  type: 'choice';
  /** The `id` of the button or row that was picked. */
  id: string;
  title?: string;
  /** Extra data some platforms attach (a Flow's response, a row description). */
  data?: Record<string, unknown>;
}

/** A button that answers with a `choice` carrying its `id`. */
export interface ReplyButton {
  id: string;
  title: string;
}
/** A button that opens a link. */
export interface UrlButton {
  url: string;
  title: string;
}
/** A reply button (`id`) or a link button (`url`). */
export type Button = ReplyButton | UrlButton;

/** A text with buttons under it (outbound). */
export interface ButtonsContent {
  type: 'buttons';
  text: string;
  /** At least one. */
  buttons: Button[];
  /** How the choices are shown: reply buttons (default) or quick replies (Messenger, Instagram). */
  style?: 'buttons' | 'quickReplies';
}

/** One row of a list menu. */
export interface ListRow {
  id: string;
  title: string;
  description?: string;
}
/** A titled group of rows in a list menu. */
export interface ListSection {
  title?: string;
  /** At least one. */
  rows: ListRow[];
}
/** A menu of rows behind a button (outbound; WhatsApp list message). */
export interface ListContent {
  type: 'list';
  text: string;
  /** The label of the button that opens the menu. */
  button: string;
  /** At least one. */
  sections: ListSection[];
}

/** One card of a carousel. */
export interface Card {
  title: string;
  subtitle?: string;
  imageUrl?: string;
  buttons?: Button[];
}
/** A carousel of cards (outbound; generic template). */
export interface CardsContent {
  type: 'cards';
  /** At least one. */
  cards: Card[];
}

/** A template parameter: plain text, or a typed value in the platform's own shape. */
export type TemplateParameter = string | Record<string, unknown>;
/** Body parameters (array, positional), named parameters (record), or full platform components. */
export type TemplateParameters =
  | TemplateParameter[]
  | Record<string, TemplateParameter>
  | { components: Record<string, unknown>[] };
/** A pre-approved message template (outbound; WhatsApp). */
export interface TemplateContent {
  type: 'template';
  name: string;
  /** The template's language code, e.g. `en_US`. */
  language: string;
  parameters?: TemplateParameters;
}

/** One line of an order. */
export interface OrderItem {
  productId: string;
  quantity: number;
  price?: number;
  currency?: string;
}
/** An order from a catalog (inbound; WhatsApp). */
export interface OrderContent {
  type: 'order';
  catalogId: string;
  text?: string;
  items: OrderItem[];
}

/** A reaction to a message (outbound). */
export interface ReactionContent {
  type: 'reaction';
  /** The platform id of the message reacted to. */
  messageId: string;
  /** `null` removes the reaction. */
  emoji: string | null;
}
/** A typing indicator (outbound). */
export interface TypingContent {
  type: 'typing';
  /** `false` stops it where the platform allows; default `true`. */
  on?: boolean;
}
/** Marks a message as read (outbound). */
export interface ReadContent {
  type: 'read';
  messageId: string;
}

/** Content of a message, inbound or outbound. */
export type Content =
  | TextContent
  | ImageContent
  | VideoContent
  | AudioContent
  | FileContent
  | StickerContent
  | LocationContent
  | ContactsContent
  | ChoiceContent
  | ButtonsContent
  | ListContent
  | CardsContent
  | TemplateContent
  | OrderContent
  | ReactionContent
  | TypingContent
  | ReadContent;
/** The `type` of a Content. */
export type ContentType = Content['type'];
/** The Content variant with the given `type`. */
export type ContentOf<T extends ContentType> = Extract<Content, { type: T }>;
