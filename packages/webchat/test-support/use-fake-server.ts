import { afterEach, beforeEach } from 'vitest';
import type { FakeConversation } from './fake-log.js';
import { stopAll } from './client-harness.js';
import { type FakeServer, type FakeServerOptions, startFakeServer } from './fake-server.js';

/** A fresh fake server per test (and every client stopped after it), for a client test file. */
export function useFakeServer(options: FakeServerOptions = {}): {
  readonly server: FakeServer;
  /** The server-side conversation of a started client. */
  conversationOf(client: { conversation?: { credential: string } }): FakeConversation;
} {
  let server: FakeServer | undefined;
  beforeEach(async () => {
    server = await startFakeServer(options);
  });
  afterEach(async () => {
    stopAll();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('useFakeServer: the server starts in beforeEach');
      return server;
    },
    conversationOf(client) {
      const c = this.server.conversationOf(client.conversation?.credential ?? '');
      if (!c) throw new Error('the client has no session on the fake server yet');
      return c;
    },
  };
}
