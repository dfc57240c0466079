import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  type ChannelAdapter,
  createGateway,
  type Gateway,
  LoketError,
  loketMessage,
  toOutboundMessage,
} from '@loket/core';
import { createEmulator, type Emulator } from '@loket/testing/kit';
import { KNOWN_CHANNELS } from '../channels/known-channels.js';
import { createAdapter, loadChannels } from '../channels/load-adapters.js';
import { devWebchat } from '../channels/webchat-channel.js';
import { type ChannelSetting, channelSetting, DEV_SECRETS, signingSecret } from '../config/channel-settings.js';
import { simulateMessage } from '../simulate/simulate-message.js';
import { type DevChannelInfo, handleConsoleApi } from './console-api.js';
import type { DevOptions } from './dev-options.js';
import { registerEcho } from './echo-handler.js';
import { openStore } from './open-store.js';
import { recordEmulatorSends, recordEvents, recordSends, sendRecorded, timelineLogger } from './recorder.js';
import { SseHub } from './sse.js';
import { consoleDir, serveStatic } from './static-files.js';
import { Timeline } from './timeline.js';

/** A running dev server. */
export interface DevServer {
  /** `http://localhost:<port>`: the console, its API and the webhook routes. */
  readonly url: string;
  readonly gateway: Gateway;
  readonly emulator: Emulator;
  readonly timeline: Timeline;
  readonly channels: DevChannelInfo[];
  /** Which store, in words. */
  readonly storeDescription: string;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      const text =
        err.code === 'EADDRINUSE'
          ? `port ${port} is in use: pass --port ${port + 1} (or set LOKET_PORT), or stop what runs there`
          : `cannot listen on ${host}:${port} (${err.message}): pass another --host or --port`;
      reject(new LoketError('CONFIG', loketMessage('cli', text), { cause: err }));
    });
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * Starts `loket dev`: a gateway with every installed channel package (emulated, or real when its credentials are
 * configured), the platform emulator behind it, and the dev console with its live API, all on one port.
 *
 * @example
 * const dev = await startDev({ port: 3000 });
 * console.log(`console on ${dev.url}`);
 * await dev.close();
 */
export async function startDev(options: DevOptions = {}): Promise<DevServer> {
  const env = options.env ?? process.env;
  const config = options.config ?? {};
  const cwd = options.cwd ?? process.cwd();
  const now = options.now ?? Date.now;
  const loaded = await loadChannels(KNOWN_CHANNELS, options.importer);
  if (loaded.length === 0) {
    throw new LoketError('CONFIG', loketMessage('cli', 'no channel package is installed: npm install @loket/whatsapp'));
  }
  const settings: ChannelSetting[] = loaded.map((c) => channelSetting(c.known, config, env));
  const timeline = new Timeline(now);
  const emulator = await createEmulator({
    appSecret: DEV_SECRETS.appSecret,
    verifyToken: DEV_SECRETS.verifyToken,
    autoStatuses: { delayMs: options.statusDelayMs ?? 400 },
    now,
  });
  const opened = await openStore(
    options.store ?? config.store ?? 'sqlite',
    options.dataDir ?? config.dataDir ?? join(cwd, '.loket'),
    options.importer,
  );
  const adapters: ChannelAdapter[] = loaded.map((c, i) => createAdapter(c, settings[i]!, emulator.url));
  const devPort = options.port ?? config.port ?? 3000;
  const chat = await devWebchat(
    env,
    [
      `http://localhost:${devPort}`,
      `http://127.0.0.1:${devPort}`,
      ...((options.publicUrl ?? config.publicUrl) ? [new URL(options.publicUrl ?? config.publicUrl ?? '').origin] : []),
    ],
    options.dataDir ?? config.dataDir ?? join(cwd, '.loket'),
    options.importer,
  );
  if (chat) adapters.push(chat);
  const gateway = createGateway({
    channels: adapters,
    store: opened.store,
    logger: timelineLogger(timeline),
    now,
  });
  const record = recordEvents(gateway, timeline);
  recordSends(gateway, timeline);
  recordEmulatorSends(emulator, timeline);
  const send = (message: Parameters<Gateway['send']>[0]) =>
    sendRecorded(gateway.send, timeline, toOutboundMessage(message));
  const emulated = new Set(settings.filter((s) => s.mode === 'emulated').map((s) => s.known.channel));
  // The dev web chat is local (the browser in front of you): the echo answers it too.
  if (chat) emulated.add('webchat');
  if (config.setup) await config.setup(gateway);
  else if (options.echo ?? config.echo ?? true) registerEcho(gateway, timeline, emulated, record);

  const sse = new SseHub();
  const assets = consoleDir();
  const server = createServer();
  const port = await listen(server, options.port ?? config.port ?? 3000, options.host ?? config.host ?? '127.0.0.1');
  const localUrl = `http://127.0.0.1:${port}`;
  const publicBase = (options.publicUrl ?? config.publicUrl ?? `http://localhost:${port}`).replace(/\/$/, '');
  emulator.gatewayUrl = localUrl;
  const channels: DevChannelInfo[] = settings.map((s) => ({
    channel: s.known.channel,
    mode: s.mode,
    account: String(s.options[s.known.accountOption] ?? s.known.devAccount),
    devUser: s.known.devUser,
    webhookUrl: `${publicBase}/webhooks/${s.known.channel}`,
  }));
  if (chat)
    channels.push({
      channel: 'webchat',
      mode: 'real',
      account: 'default',
      devUser: 'visitor',
      webhookUrl: `${publicBase}/webchat/v1/`,
    });

  const deps = {
    gateway,
    timeline,
    sse,
    channels,
    store: { name: opened.store.name, durable: opened.store.durable },
    now,
    startedAt: now(),
    send,
    simulate: (input: Parameters<typeof simulateMessage>[0]) => {
      const setting = settings.find((s) => s.known.channel === input.channel);
      const secret = setting ? signingSecret(setting.known, config, env) : DEV_SECRETS.appSecret;
      const channel = channels.find((c) => c.channel === input.channel);
      return simulateMessage(
        { account: channel?.account, ...input },
        { gatewayUrl: localUrl, secret, emulator: setting?.mode === 'emulated' ? emulator : undefined },
      );
    },
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', localUrl);
    handleConsoleApi(req, res, url, deps)
      .then((handled) => {
        const path = url.pathname === '/demo' ? '/demo.html' : url.pathname; // the web chat's demo shop
        if (handled || (req.method === 'GET' && serveStatic(path, res, assets))) return;
        recordWebhookReply(req, res, url, timeline);
        gateway.node(req, res, () => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n'));
      })
      .catch((err: unknown) => {
        timeline.add({ kind: 'log', title: `error: ${err instanceof Error ? err.message : String(err)}` });
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('console error\n');
      });
  });
  // The web chat's WebSocket; anything else that asks to upgrade is not ours.
  server.on('upgrade', (req, socket, head) => {
    if (!gateway.upgrade(req, socket, head)) socket.destroy();
  });
  await gateway.start();

  return {
    url: `http://localhost:${port}`,
    gateway,
    emulator,
    timeline,
    channels,
    storeDescription: opened.description,
    async close() {
      sse.closeAll();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await emulator.close();
      await gateway.close();
      await opened.store.close();
    },
  };
}

/** Webhook POSTs and the gateway's answer (200, 401, ...) go on the timeline, whoever sent them. */
function recordWebhookReply(req: IncomingMessage, res: ServerResponse, url: URL, timeline: Timeline): void {
  const match = /\/webhooks\/([a-z-]+)$/.exec(url.pathname);
  if (!match) return;
  const channel = match[1]!;
  const kind = req.method === 'GET' ? 'handshake' : 'webhook';
  res.on('finish', () => {
    timeline.add({
      kind: 'webhook',
      channel,
      title: `${kind} ${req.method} ${url.pathname} → ${res.statusCode}`,
      data: { status: res.statusCode },
    });
  });
}
