import { describe } from 'vitest';
import { describeStoreConformance } from '../src/index.js';
import { brokenStore, STORE_DEFECTS } from './broken-store.js';

for (const defect of STORE_DEFECTS) {
  describe(defect, () => {
    describeStoreConformance({ name: defect, create: () => brokenStore(defect), ttlMs: 30 });
  });
}
