import { join } from 'node:path';
import type { ChannelAdapter } from '@loket/core';
import { dynamicImport, type Importer } from './load-adapters.js';

/** The identity secret `loket dev` gives the web chat when `WEBCHAT_IDENTITY_SECRET` is not set. */
export const DEV_WEBCHAT_SECRET = 'loket-dev-webchat-identity-secret';

interface WebchatModule {
  webchat(options: Record<string, unknown>): ChannelAdapter;
  fileBlobStore(options: { dir: string }): unknown;
}

/**
 * The web chat for `loket dev`, when `@loket/webchat` is installed: our own channel, so it is always real (no
 * emulator). The dev server's origins are allowed, plus `WEBCHAT_ALLOWED_ORIGINS` (comma-separated);
 * attachments go under the data folder.
 */
export async function devWebchat(
  env: Readonly<Record<string, string | undefined>>,
  origins: string[],
  dataDir: string,
  importer: Importer = dynamicImport,
): Promise<ChannelAdapter | undefined> {
  let module: WebchatModule;
  try {
    module = (await importer('@loket/webchat')) as WebchatModule;
  } catch (err) {
    if (String((err as Error).message).includes('@loket/webchat')) return undefined;
    throw err;
  }
  if (typeof module.webchat !== 'function') return undefined;
  const extra = (env.WEBCHAT_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  return module.webchat({
    identitySecret: env.WEBCHAT_IDENTITY_SECRET || DEV_WEBCHAT_SECRET,
    allowedOrigins: [...new Set([...origins, ...extra])],
    storage: module.fileBlobStore({ dir: join(dataDir, 'webchat-attachments') }),
  });
}
