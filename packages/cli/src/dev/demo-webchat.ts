import type { ChannelAdapter } from '@loket/core';
import type { Importer } from '../channels/load-adapters.js';
import type { DevChannelInfo } from './console-api.js';

/** The demo shop's web chat: a dev-only identity secret and site id (never use them in production). */
export const DEMO_WEBCHAT = { identitySecret: 'loket-dev-webchat-identity-secret', siteId: 'demo-shop' } as const;

/** The demo's web chat channel and how the console lists it. */
export interface DemoWebchat {
  adapter: ChannelAdapter;
  info: DevChannelInfo;
}

/**
 * The web chat channel for `/demo`, when `@loket/webchat` is installed (undefined otherwise, or when the
 * importer cannot load it), with the dev server's origins allowed; it serves its own widget.js.
 */
export async function demoWebchat(
  importer: Importer,
  origins: string[],
  demoUrl: string,
): Promise<DemoWebchat | undefined> {
  let factory: ((options: Record<string, unknown>) => ChannelAdapter) | undefined;
  try {
    factory = ((await importer('@loket/webchat')) as { webchat?: typeof factory }).webchat;
  } catch (err) {
    // Not installed (or a test's importer that does not know it): the dev server runs without the demo.
    void err;
    return undefined;
  }
  if (!factory) return undefined;
  const adapter = factory({ ...DEMO_WEBCHAT, allowedOrigins: origins });
  return {
    adapter,
    info: { channel: 'webchat', mode: 'real', account: DEMO_WEBCHAT.siteId, devUser: '', webhookUrl: demoUrl },
  };
}
