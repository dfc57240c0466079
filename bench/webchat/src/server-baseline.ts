// The baseline: a bare `ws` server that broadcasts each agent message to the connections of one group.
import { createServer } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';
import { type BenchServer, listen } from './server.js';

/**
 * Starts the bare server: a connection joins the group named by `?g=` of its URL; `send` serializes one frame of
 * the web chat's shape (`{t:'event', e}`) and writes it to every socket of the group. No auth, no log, no
 * heartbeat: the floor Loket is compared with.
 */
export async function startBaseline(): Promise<BenchServer> {
  const groups = new Map<string, Set<WebSocket>>();
  const server = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws, req) => {
    const group = new URL(req.url ?? '/', 'http://bench').searchParams.get('g') ?? '';
    const members = groups.get(group) ?? new Set<WebSocket>();
    groups.set(group, members);
    members.add(ws);
    ws.on('error', () => ws.terminate());
    ws.on('close', () => members.delete(ws));
  });
  const port = await listen(server);
  let seq = 0;
  return {
    port,
    send(group, text) {
      seq++;
      const data = { messageId: `m${seq}`, author: { kind: 'agent' }, content: { type: 'text', text } };
      const frame = JSON.stringify({ t: 'event', e: { seq, kind: 'message', at: Date.now(), data } });
      for (const ws of groups.get(group) ?? []) ws.send(frame);
    },
  };
}
