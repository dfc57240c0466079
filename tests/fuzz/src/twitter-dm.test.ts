import { loadFixtures, xSignature } from '@loket/testing';
import { twitterDm } from '@loket/twitter-dm';
import { fuzzAdapter } from './fuzz-adapter.js';

// Long, distinct secrets: the leak property looks for each of them in every output.
const secrets = {
  consumerKey: 'fuzz-consumer-key-3e8a1b',
  consumerSecret: 'fuzz-consumer-secret-71c0d4',
  token: '2244994945-fuzzAccessToken5f2e',
  tokenSecret: 'fuzz-token-secret-a94b27',
};

fuzzAdapter({
  create: ({ apiBaseUrl }) =>
    twitterDm({
      credentials: { kind: 'oauth1', ...secrets },
      consumerSecret: secrets.consumerSecret,
      userId: '2244994945',
      apiBaseUrl,
      transport: { sleep: async () => {} },
    }),
  fixtures: loadFixtures('twitter-dm'),
  signature: xSignature(secrets.consumerSecret),
  secrets: Object.values(secrets),
});
