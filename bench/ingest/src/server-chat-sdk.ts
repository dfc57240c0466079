import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_SECRET, PHONE_NUMBER_ID } from '@loket/bench-kit';

// The peer's types are not ours to depend on: the bench installed it outside the workspace.
// biome-ignore lint/suspicious/noExplicitAny: untyped on purpose, see above
type Loose = any;

async function load(dir: string, name: string): Promise<Loose> {
  const root = join(dir, 'node_modules', name);
  const main = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string }).main;
  return import(pathToFileURL(join(root, main)).href);
}

/**
 * Chat SDK's WhatsApp webhook, served from node:http the way its docs serve it from a Web `Request` handler: same
 * secret, same bodies, a handler that takes `handlerMs`, work after the answer handed to `waitUntil`.
 */
export async function chatSdkHandler(options: { dir: string; handlerMs: number }) {
  const { Chat } = await load(options.dir, 'chat');
  const { createWhatsAppAdapter } = await load(options.dir, '@chat-adapter/whatsapp');
  const { createMemoryState } = await load(options.dir, '@chat-adapter/state-memory');
  const chat = new Chat({
    userName: 'bench',
    logger: 'silent',
    concurrency: 'queue',
    state: createMemoryState(),
    adapters: {
      whatsapp: createWhatsAppAdapter({
        appSecret: APP_SECRET,
        verifyToken: 'bench',
        accessToken: 'bench-token',
        phoneNumberId: PHONE_NUMBER_ID,
        apiUrl: 'http://127.0.0.1:9',
      }),
    },
  });
  chat.onDirectMessage(async () => {
    await new Promise((r) => setTimeout(r, options.handlerMs));
  });
  const waitUntil = (task: Promise<unknown>) => void task.catch(() => undefined);
  return (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
      const request = new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers,
        body: Buffer.concat(chunks),
      });
      void (chat.webhooks.whatsapp(request, { waitUntil }) as Promise<Response>)
        .then(async (response) => {
          res.writeHead(response.status).end(Buffer.from(await response.arrayBuffer()));
        })
        .catch(() => res.writeHead(500).end());
    });
  };
}
