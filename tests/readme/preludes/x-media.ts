// Prelude `x-media`: `x`, an X adapter, and `event`, a customer's photo DM (the fields the snippet reads).
import type { EventOf as XMediaPreludeEvent, Media as XMediaPreludeMedia } from '@loket/core';
import { twitterDm as xMediaPreludeTwitterDm } from '@loket/twitter-dm';

export const x = xMediaPreludeTwitterDm({
  consumerSecret: 'readme-consumer-secret',
  credentials: {
    kind: 'oauth1',
    consumerKey: 'ck',
    consumerSecret: 'readme-consumer-secret',
    token: 't',
    tokenSecret: 'ts',
  },
});
export const event: Pick<XMediaPreludeEvent<'message'>, 'conversation' | 'messageId'> & {
  content: { type: 'image'; media: XMediaPreludeMedia };
} = {
  conversation: { channel: 'twitter-dm', account: '2244994945', user: '3805104374' },
  messageId: '1463421546234748932',
  content: {
    type: 'image',
    media: { id: '1463421540979699712', url: 'https://ton.twitter.com/1.1/ton/data/dm/1/2/x.jpg' },
  },
};
