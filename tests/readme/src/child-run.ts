// Runs one snippet in this (child) process: `node --import tsx child-run.ts <snippet.ts>`. README snippets listen on
// fixed ports (3000, 9464); here every listen gets a free port instead, so snippets can run side by side. Once the
// module has finished (its top-level awaits resolved) the parent is told, with the number of servers listening.
import { Server } from 'node:net';
import { pathToFileURL } from 'node:url';

let listens = 0;
let listening = 0;
const listen = Server.prototype.listen;
Server.prototype.listen = function (this: Server, ...args: unknown[]) {
  const [first] = args;
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) args[0] = 0;
  else if (first && typeof first === 'object' && 'port' in first) args[0] = { ...first, port: 0 };
  listens++;
  this.once('listening', () => {
    listening++;
  });
  return listen.apply(this, args as Parameters<typeof listen>);
} as typeof listen;

const file = process.argv[2];
if (!file) throw new Error('[readme] child-run: pass the snippet file');
await import(pathToFileURL(file).href);
// A `listen()` the snippet did not await is up a moment later (or failed, which shows on stderr).
for (let i = 0; i < 200 && listening < listens; i++) await new Promise((resolve) => setTimeout(resolve, 10));
// Disconnect afterwards: an open IPC channel must not be what keeps a finished snippet alive.
process.send?.({ done: true, listening }, () => process.disconnect());
