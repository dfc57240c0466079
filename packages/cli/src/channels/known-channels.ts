import type { ChannelId } from '@loket/core';

/** How a platform signs its webhooks: Meta's hex `x-hub-signature-256`, or X's base64 signature. */
export type SignatureScheme = 'meta' | 'x';

/** A channel package the CLI knows how to load and configure. */
export interface KnownChannel {
  channel: ChannelId;
  /** The npm package, loaded with a dynamic import only when installed. */
  packageName: string;
  /** The factory it exports (`whatsapp`, `messenger`, ...). */
  factory: string;
  /** Environment variables start with this: `WHATSAPP_APP_SECRET`, `WHATSAPP_ACCESS_TOKEN`, ... */
  envPrefix: string;
  /** The factory option naming the business account, and the account the dev server uses for it. */
  accountOption: string;
  devAccount: string;
  /** The customer `loket simulate` plays by default. */
  devUser: string;
  signature: SignatureScheme;
}

/**
 * The channel packages `loket dev` looks for. Adding a channel is adding a row: a package that is not installed is
 * skipped, so the CLI never depends on all of them.
 */
export const KNOWN_CHANNELS: readonly KnownChannel[] = [
  {
    channel: 'whatsapp',
    packageName: '@loket/whatsapp',
    factory: 'whatsapp',
    envPrefix: 'WHATSAPP',
    accountOption: 'phoneNumberId',
    devAccount: '106540352242922',
    devUser: '31612345678',
    signature: 'meta',
  },
  {
    channel: 'messenger',
    packageName: '@loket/messenger',
    factory: 'messenger',
    envPrefix: 'MESSENGER',
    accountOption: 'pageId',
    devAccount: '104857392011223',
    devUser: '6024758190123456',
    signature: 'meta',
  },
  {
    channel: 'instagram',
    packageName: '@loket/instagram',
    factory: 'instagram',
    envPrefix: 'INSTAGRAM',
    accountOption: 'accountId',
    devAccount: '17841400000000001',
    devUser: '1254459154682919',
    signature: 'meta',
  },
  {
    channel: 'twitter-dm',
    packageName: '@loket/twitter-dm',
    factory: 'twitterDm',
    envPrefix: 'TWITTER_DM',
    accountOption: 'userId',
    devAccount: '2244994945',
    devUser: '3805104374',
    signature: 'x',
  },
];

/** The known channel, or undefined. */
export function knownChannel(channel: string): KnownChannel | undefined {
  return KNOWN_CHANNELS.find((c) => c.channel === channel);
}

/** Channel names for messages: "whatsapp, messenger, instagram". */
export const knownChannelNames = (): string => KNOWN_CHANNELS.map((c) => c.channel).join(', ');
