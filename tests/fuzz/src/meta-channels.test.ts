import { instagram } from '@loket/instagram';
import { messenger } from '@loket/messenger';
import { loadFixtures, metaSignature } from '@loket/testing';
import { whatsapp } from '@loket/whatsapp';
import { fuzzAdapter } from './fuzz-adapter.js';

// Long, distinct secrets: the leak property looks for each of them in every output.
const secrets = {
  appSecret: 'fuzz-app-secret-5b1f0c',
  verifyToken: 'fuzz-verify-token-9d2e',
  accessToken: 'EAAGfuzzAccessToken7c3a',
};
const shared = { ...secrets, graphVersion: 'v25.0', transport: { sleep: async () => {} } };

fuzzAdapter({
  create: ({ apiBaseUrl }) => whatsapp({ ...shared, apiBaseUrl }),
  fixtures: loadFixtures('whatsapp'),
  signature: metaSignature(secrets.appSecret),
  secrets: Object.values(secrets),
});

fuzzAdapter({
  create: ({ apiBaseUrl }) => messenger({ ...shared, apiBaseUrl }),
  fixtures: loadFixtures('messenger'),
  signature: metaSignature(secrets.appSecret),
  secrets: Object.values(secrets),
});

fuzzAdapter({
  create: ({ apiBaseUrl }) => instagram({ ...shared, apiBaseUrl }),
  fixtures: loadFixtures('instagram'),
  signature: metaSignature(secrets.appSecret),
  secrets: Object.values(secrets),
});
