import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';
import { describeAdapterConformance, loadFixtures, metaHandshake, metaSignature } from '../src/index.js';
import { TOY_DEFECTS, TOY_SECRET, TOY_VERIFY_TOKEN, toyAdapter } from './toy-adapter.js';

const fixtures = loadFixtures('webchat', { dir: fileURLToPath(new URL('./fixtures', import.meta.url)) });

for (const defect of TOY_DEFECTS) {
  describe(defect, () => {
    describeAdapterConformance({
      channel: 'webchat',
      create: ({ apiBaseUrl }) => toyAdapter({ apiBaseUrl, defect }),
      signature: metaSignature(TOY_SECRET),
      handshake: metaHandshake(TOY_VERIFY_TOKEN),
      fixtures,
    });
  });
}
