import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGateway, type Gateway, type GatewayOptions, memoryStore, type Store } from '@loket/core';
import { webchatClient, type WebchatClientOptions } from '@loket/testing';
import { type WebchatAdapter, type WebchatServeOptions, webchat } from '../index.js';
import type { WebchatOptions } from './webchat-options.js';

/** The secret and origin every test uses. */
export const TEST_SECRET = 'test-identity-secret-0123456789';
export const TEST_ORIGIN = 'https://shop.example';

/** A gateway with the web chat on a real node:http server (port 0), for tests. */
export interface TestGateway {
  gateway: Gateway;
  adapter: WebchatAdapter;
  store: Store;
  url: string;
  client(options?: Partial<WebchatClientOptions>): ReturnType<typeof webchatClient>;
  close(): Promise<void>;
}

/** Starts the web chat on a gateway and a server; `close` stops both (the store is the caller's). */
export async function startWebchat(
  options: {
    store?: Store;
    webchat?: Partial<WebchatOptions & WebchatServeOptions>;
    gateway?: Partial<GatewayOptions>;
    start?: boolean;
  } = {},
): Promise<TestGateway> {
  const store = options.store ?? memoryStore();
  const adapter = webchat({ identitySecret: TEST_SECRET, allowedOrigins: [TEST_ORIGIN], ...options.webchat });
  const gateway = createGateway({
    channels: [adapter],
    store,
    worker: { pollMs: 20, retry: { attempts: 2, baseDelayMs: 10 } },
    ...options.gateway,
  });
  const server = createServer();
  gateway.attach(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (options.start !== false) await gateway.start();
  return {
    gateway,
    adapter,
    store,
    url,
    client: (extra = {}) => webchatClient({ url, origin: TEST_ORIGIN, ...extra }),
    async close() {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Waits until `check` holds (a guard of at most ~5 s for background work such as the worker; not a timing test). */
export async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10));
}
