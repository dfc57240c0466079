import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DevOptions } from '../dev/dev-options.js';
import { type DevServer, startDev } from '../dev/start-dev.js';

/** `loket dev` on a free port, memory store, fast status callbacks, no credentials. */
export function startTestDev(options: DevOptions = {}): Promise<DevServer> {
  return startDev({
    port: 0,
    store: 'memory',
    statusDelayMs: 5,
    env: {},
    cwd: mkdtempSync(join(tmpdir(), 'loket-dev-')),
    ...options,
  });
}
