// Load generator: opens and holds the WebSocket connections.
import WebSocket from 'ws';
import type { Group } from './load-groups.js';
import { inParallel } from './pool.js';
import { ORIGIN } from './protocol.js';

const OPEN_CONCURRENCY = 200;
const OPEN_TIMEOUT_MS = 30_000;

/** The connections the load generator holds. */
export interface HeldSockets {
  sockets: WebSocket[];
  /** Index of each socket's group. */
  groupOf: number[];
  failed: number;
  firstError?: string;
}

function openOne(group: Group, onText: (text: string) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(group.url, group.protocols, { headers: { origin: ORIGIN }, perMessageDeflate: false });
    const timer = setTimeout(() => fail(new Error('open timed out')), OPEN_TIMEOUT_MS);
    const fail = (err: Error) => {
      clearTimeout(timer);
      ws.terminate();
      reject(err);
    };
    const held = () => {
      clearTimeout(timer);
      resolve(ws);
    };
    ws.once('unexpected-response', (_req, res) => fail(new Error(`upgrade refused with ${res.statusCode}`)));
    ws.on('error', fail);
    ws.on('message', (data) => onText(String(data)));
    ws.once('open', () => {
      if (group.hello === undefined) return held();
      // Loket: held once the stream answered the resume (it is subscribed to the conversation by then).
      ws.once('message', held);
      ws.send(group.hello);
    });
  });
}

/**
 * Opens `connections` sockets, `tabs` per group in order (socket j joins group ⌊j / tabs⌋), at most
 * `OPEN_CONCURRENCY` handshakes at a time; every frame's text goes to `onText`.
 */
export async function openSockets(
  groups: Group[],
  connections: number,
  tabs: number,
  onText: (text: string) => void,
): Promise<HeldSockets> {
  const held: HeldSockets = { sockets: [], groupOf: [], failed: 0 };
  await inParallel(connections, OPEN_CONCURRENCY, async (j) => {
    const g = Math.floor(j / tabs);
    try {
      const ws = await openOne(groups[g]!, onText);
      held.sockets.push(ws);
      held.groupOf.push(g);
    } catch (err) {
      held.failed++;
      held.firstError ??= String(err);
    }
  });
  return held;
}
