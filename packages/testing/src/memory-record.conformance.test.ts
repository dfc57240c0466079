import { memoryStore } from '@loket/core';
import { describeRecordConformance } from './index.js';

describeRecordConformance({ name: 'memory', create: () => memoryStore() });
