import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger.js';
import { memoryStore } from '../store/memory-store.js';
import type { Store } from '../store/store.js';
import { createGateway } from '../gateway/create-gateway.js';
import type { Gateway, GatewayOptions, NodeHandler } from '../gateway/gateway-types.js';
import { type TestAdapter, type TestWireEvent, testAdapter, testSign } from './test-adapter.js';

// Test-only helpers shared by the gateway and inbox tests.

/** A log line as a recording logger keeps it. */
export interface LogLine {
  level: keyof Logger;
  obj: Record<string, unknown>;
  msg?: string;
}

/** A logger that keeps every line. */
export function recordingLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: keyof Logger) => (obj: Record<string, unknown>, msg?: string) => {
    lines.push({ level, obj, msg });
  };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** A body in the test wire format. */
export function webhookBody(events: Partial<TestWireEvent>[], account = 'acc'): string {
  return JSON.stringify({ account, events });
}

/** A signed POST to the test channel's route. */
export function signedPost(
  body: string | Uint8Array,
  options: { secret?: string; path?: string; headers?: Record<string, string> } = {},
): Request {
  const bytes = new Uint8Array(typeof body === 'string' ? new TextEncoder().encode(body) : body);
  return new Request(`http://gateway.test${options.path ?? '/webhooks/webchat'}`, {
    method: 'POST',
    headers: { 'x-test-signature': testSign(bytes, options.secret ?? 'test-secret'), ...options.headers },
    body: bytes,
  });
}

/** Polls until `check` passes (or throws its last error after `timeoutMs`). */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

/** A gateway over the test adapter with quick retries, and what a test needs to drive it. */
export interface Harness {
  gateway: Gateway;
  adapter: TestAdapter;
  store: Store;
  logger: ReturnType<typeof recordingLogger>;
  /** Posts signed events and expects the 200. */
  post(events: Partial<TestWireEvent>[], account?: string): Promise<void>;
}

/** Builds a {@link Harness}; `options` override the defaults. */
export function harness(options: Partial<GatewayOptions> = {}): Harness {
  const adapter = testAdapter();
  const store = options.store ?? memoryStore();
  const logger = recordingLogger();
  const gateway = createGateway({
    channels: [adapter],
    store,
    logger,
    ...options,
    worker: { pollMs: 10, ...options.worker, retry: { baseDelayMs: 1, maxDelayMs: 4, ...options.worker?.retry } },
  });
  return {
    gateway,
    adapter,
    store,
    logger,
    async post(events, account) {
      const res = await gateway.fetch(signedPost(webhookBody(events, account)));
      if (res.status !== 200) throw new Error(`expected 200, got ${res.status}: ${await res.text()}`);
    },
  };
}

/** Middleware that runs before the gateway's node handler (a body parser, in the tests that need one). */
export type Middleware = (
  req: IncomingMessage & { body?: unknown; _body?: boolean },
  res: ServerResponse,
  next: () => void,
) => void;

/** Serves a node handler on 127.0.0.1 (a free port); paths that are not the gateway's answer 418 `next`. */
export async function listenNode(
  handler: NodeHandler,
  before?: Middleware,
): Promise<{ server: Server; url: string; port: number }> {
  const server = createServer((req, res) => {
    const run = () =>
      handler(req, res, () => {
        res.statusCode = 418;
        res.end('next');
      });
    if (before) before(req, res, run);
    else run();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, port };
}
