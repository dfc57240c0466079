import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type Content, type ConversationRef, createGateway, type Gateway } from '@loket/core';
import { type SqliteStore, sqliteStore } from '@loket/store-sqlite';
import { fileBlobStore, webchat } from '@loket/webchat';

/** The identity secret of the browser tests' gateway (the host backend's JWTs are signed with it). */
export const SECRET = 'browser-test-identity-secret-0123456789';

/** A real gateway with the web chat channel on SQLite, served by node:http on port 0. */
export interface TestGateway {
  url: string;
  readonly gateway: Gateway;
  /** The agent answers: `gateway.send` to the conversation (text, or any Content). */
  reply(ref: ConversationRef, content: string | Content): Promise<void>;
  /** Every message of a conversation, by author, from the store's log (the truth). */
  messages(ref: ConversationRef): Promise<{ author: string; text: string }[]>;
  /** A deploy: the process goes away (every socket cut) and a new one starts on the same port and database. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

interface Running {
  gateway: Gateway;
  server: Server;
  store: SqliteStore;
  sockets: Set<Socket>;
}

async function boot(dbPath: string, pageOrigin: string, port: number): Promise<Running> {
  const store = sqliteStore({ path: dbPath });
  const adapter = webchat({
    identitySecret: SECRET,
    allowedOrigins: [pageOrigin],
    limits: { sessionsPerMinute: 1000, messagesPerMinute: 1000 },
    storage: fileBlobStore({ dir: join(dirname(dbPath), 'attachments') }), // uploads stay in the test's folder
  });
  const gateway = createGateway({ channels: [adapter], store, worker: { pollMs: 20 } });
  const server = createServer();
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  gateway.attach(server);
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  await gateway.start();
  return { gateway, server, store, sockets };
}

async function stop(run: Running): Promise<void> {
  for (const s of run.sockets) s.destroy(); // upgraded WebSockets too: nothing is said goodbye to
  await new Promise<void>((r) => run.server.close(() => r()));
  await run.gateway.close();
  await run.store.close();
}

/** Starts the gateway; `pageOrigin` is the shop page's origin, the one the channel allows. */
export async function startGateway(pageOrigin: string): Promise<TestGateway> {
  const dir = mkdtempSync(join(tmpdir(), 'loket-widget-'));
  const dbPath = join(dir, 'loket.db');
  let run = await boot(dbPath, pageOrigin, 0);
  const port = (run.server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    get gateway() {
      return run.gateway;
    },
    async reply(ref, content) {
      await run.gateway.send({
        to: ref,
        content: typeof content === 'string' ? { type: 'text', text: content } : content,
      });
    },
    async messages(ref) {
      const entries = await run.store.log.read(ref, { after: 0, limit: 1000 });
      return entries.flatMap((e) => {
        if (e.kind !== 'message') return [];
        const data = e.data as { author: { kind: string }; content: { text?: string; title?: string } };
        return [{ author: data.author.kind, text: data.content.text ?? data.content.title ?? '' }];
      });
    },
    async restart() {
      await stop(run);
      run = await boot(dbPath, pageOrigin, port);
    },
    async close() {
      await stop(run);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
