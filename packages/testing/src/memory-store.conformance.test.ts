import { memoryStore } from '@loket/core';
import { describeStoreConformance } from './index.js';

describeStoreConformance({
  name: 'memory',
  create: () => memoryStore(),
  createWithClock: (now) => memoryStore({ now }),
});
