import { describeAdapterConformance, loadFixtures, metaHandshake, metaSignature } from '@loket/testing';
import { instagram } from './index.js';

const secrets = {
  appSecret: 'conformance-app-secret',
  verifyToken: 'conformance-verify-token',
  accessToken: 'conformance-access-token',
};
const envelope = (entry: Record<string, unknown>) =>
  JSON.stringify({ object: 'instagram', entry: [{ id: '1', time: 1, ...entry }] });
const item = { sender: { id: '6543210987654321' }, recipient: { id: '17841400008460056' }, timestamp: 1763800000000 };

describeAdapterConformance({
  channel: 'instagram',
  // Retries run inside send (core's transport); a sleep that does not wait keeps the error-mapping cases fast.
  create: ({ apiBaseUrl }) =>
    instagram({ ...secrets, apiBaseUrl, graphVersion: 'v25.0', transport: { sleep: async () => {} } }),
  signature: metaSignature(secrets.appSecret),
  handshake: metaHandshake(secrets.verifyToken, 'http://localhost/webhooks/instagram'),
  secrets: Object.values(secrets),
  fixtures: loadFixtures('instagram'),
  unknownKinds: [
    { name: 'unknown payload key', body: envelope({ messaging: [{ ...item, loket_unknown: {} }] }) },
    { name: 'changes[] field', body: envelope({ changes: [{ field: 'comments', value: { id: '9' } }] }) },
  ],
});
