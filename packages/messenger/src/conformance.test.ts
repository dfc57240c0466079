import { describeAdapterConformance, loadFixtures, metaHandshake, metaSignature } from '@loket/testing';
import { messenger } from './index.js';

const secrets = {
  appSecret: 'conformance-app-secret',
  verifyToken: 'conformance-verify-token',
  accessToken: 'conformance-access-token',
};
const envelope = (object: string, messaging: unknown[]) =>
  JSON.stringify({ object, entry: [{ id: '1', time: 1, messaging }] });
const item = { sender: { id: '7012345678901234' }, recipient: { id: '104857600123456' }, timestamp: 1763800000000 };

describeAdapterConformance({
  channel: 'messenger',
  // Retries run inside send (core's transport); a sleep that does not wait keeps the error-mapping cases fast.
  create: ({ apiBaseUrl }) =>
    messenger({ ...secrets, apiBaseUrl, graphVersion: 'v25.0', transport: { sleep: async () => {} } }),
  signature: metaSignature(secrets.appSecret),
  handshake: metaHandshake(secrets.verifyToken, 'http://localhost/webhooks/messenger'),
  secrets: Object.values(secrets),
  fixtures: loadFixtures('messenger'),
  unknownKinds: [
    { name: 'unknown payload key', body: envelope('page', [{ ...item, loket_unknown: { x: 1 } }]) },
    { name: 'unknown object', body: JSON.stringify({ object: 'loket_unknown', entry: [] }) },
  ],
});
