import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ConversationRef, createGateway, type Gateway } from '@loket/core';
import { sqliteStore } from '@loket/store-sqlite';
import { webchat } from '@loket/webchat';
import { widgetScript } from '../src/bundle/index.js';

/** The identity secret of the browser tests' gateway (the host backend's JWTs are signed with it). */
export const SECRET = 'browser-test-identity-secret-0123456789';

/** A real gateway with the web chat channel on SQLite, served by node:http on port 0. */
export interface TestGateway {
  url: string;
  gateway: Gateway;
  server: Server;
  /** The agent answers: `gateway.send` to the conversation. */
  reply(ref: ConversationRef, text: string): Promise<void>;
  /** Every message of a conversation, by author, from the store's log (the truth). */
  messages(ref: ConversationRef): Promise<{ author: string; text: string }[]>;
  /** Ends every open connection, like a deploy. */
  dropConnections(): void;
  close(): Promise<void>;
}

/** Starts the gateway; `pageOrigin` is the shop page's origin, the one the channel allows. */
export async function startGateway(pageOrigin: string): Promise<TestGateway> {
  const dir = mkdtempSync(join(tmpdir(), 'loket-widget-'));
  const store = sqliteStore({ path: join(dir, 'loket.db') });
  const adapter = webchat({
    identitySecret: SECRET,
    allowedOrigins: [pageOrigin],
    widget: widgetScript,
    limits: { sessionsPerMinute: 1000, messagesPerMinute: 1000 },
  });
  const gateway = createGateway({ channels: [adapter], store, worker: { pollMs: 20 } });
  const server = createServer();
  gateway.attach(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  await gateway.start();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    gateway,
    server,
    async reply(ref, text) {
      await gateway.send({ to: ref, content: { type: 'text', text } });
    },
    async messages(ref) {
      const entries = await store.log.read(ref, { after: 0, limit: 1000 });
      return entries.flatMap((e) => {
        if (e.kind !== 'message') return [];
        const data = e.data as { author: { kind: string }; content: { text?: string } };
        return [{ author: data.author.kind, text: data.content.text ?? '' }];
      });
    },
    dropConnections() {
      server.closeAllConnections();
    },
    async close() {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
