import { describeAdapterConformance, loadFixtures, xHandshake, xSignature } from '@loket/testing';
import { twitterDm } from './index.js';

const consumerSecret = 'conformance-consumer-secret';
const clientSecret = 'conformance-client-secret';
const credentials = {
  kind: 'oauth1',
  consumerKey: 'conformance-consumer-key',
  consumerSecret,
  token: '2244994945-conformance-token',
  tokenSecret: 'conformance-token-secret',
} as const;
const fixtures = loadFixtures('twitter-dm');
// One Account Activity POST is for one subscribed user: those batch by `for_user_id`. X Activity deliveries and
// account-level events (revoke, replay status) carry one event each.
const batchKey = (body: unknown) => {
  const forUser = (body as { for_user_id?: unknown } | null)?.for_user_id;
  return typeof forUser === 'string' ? forUser : undefined;
};
const options = { credentials, userId: '2244994945', transport: { sleep: async () => {} } };

describeAdapterConformance({
  channel: 'twitter-dm',
  create: ({ apiBaseUrl }) => twitterDm({ ...options, consumerSecret, apiBaseUrl }),
  signature: xSignature(consumerSecret),
  handshake: xHandshake(consumerSecret),
  fixtures,
  batchKey,
  dropsReplyTo: true,
});

// With an OAuth 2.0 client secret: webhooks are signed in the -oauth2 header with it, CRCs answered with it.
describeAdapterConformance({
  channel: 'twitter-dm',
  create: ({ apiBaseUrl }) => twitterDm({ ...options, consumerSecret, clientSecret, apiBaseUrl }),
  signature: xSignature(clientSecret, 'x-twitter-webhooks-signature-oauth2'),
  handshake: xHandshake(clientSecret),
  fixtures,
  batchKey,
  dropsReplyTo: true,
});
