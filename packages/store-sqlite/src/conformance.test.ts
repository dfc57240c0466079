import { describeStoreConformance } from '@loket/testing';
import { afterAll } from 'vitest';
import { sqliteStore } from './index.js';
import { tempDir } from './test-support/temp-db.js';

// A real file per case, so the suite runs through WAL mode and the busy timeout (':memory:' has neither).
const dir = tempDir();
let n = 0;
afterAll(() => dir.remove());

describeStoreConformance({ name: 'sqlite', create: () => sqliteStore({ path: dir.file(`case-${++n}.db`) }) });
