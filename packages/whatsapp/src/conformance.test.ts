import { describeAdapterConformance, loadFixtures, metaHandshake, metaSignature } from '@loket/testing';
import { whatsapp } from './index.js';

const secrets = {
  appSecret: 'conformance-app-secret',
  verifyToken: 'conformance-verify-token',
  accessToken: 'conformance-access-token',
};

describeAdapterConformance({
  channel: 'whatsapp',
  // Retries run inside send (core's transport); a sleep that does not wait keeps the error-mapping cases fast.
  create: ({ apiBaseUrl }) =>
    whatsapp({ ...secrets, apiBaseUrl, graphVersion: 'v25.0', transport: { sleep: async () => {} } }),
  signature: metaSignature(secrets.appSecret),
  handshake: metaHandshake(secrets.verifyToken),
  secrets: Object.values(secrets),
  fixtures: loadFixtures('whatsapp'),
});
