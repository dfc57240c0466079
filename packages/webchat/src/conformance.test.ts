import { describeAdapterConformance, loadFixtures } from '@loket/testing';
import { webchat } from './index.js';

const ref = { channel: 'webchat', account: 'default', user: 'v_conformance' };

describeAdapterConformance({
  channel: 'webchat',
  create: () => webchat({ identitySecret: 'conformance-identity-secret', allowedOrigins: ['https://shop.example'] }),
  // The web chat's "platform" is our own client: no platform signature and no subscription check. Customers write
  // through POST messages with a credential; the suite checks that nothing can post to /webhooks/webchat instead.
  signature: false,
  handshake: false,
  // Every inbox item of the web chat holds one message, one receipt move or one typing notice.
  batches: false,
  // Sends append to the conversation's log and fan out; there is no platform HTTP request to map.
  sendsOverHttp: false,
  unknownKinds: [{ name: 'future item kind', body: JSON.stringify({ v: 1, type: 'reaction-v2', ref, at: 1 }) }],
  fixtures: loadFixtures('webchat'),
});
