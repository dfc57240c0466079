import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BodyFiles, bodyFiles, signedBodies } from './signed-bodies.js';
import { runWrk } from './wrk.js';

const hasWrk = spawnSync('sh', ['-c', 'command -v wrk']).status === 0;
if (!hasWrk) console.warn('[bench-kit] wrk is not installed (apt-get install -y wrk): skipping the wrk feed test');

describe.skipIf(!hasWrk)('the wrk feeding script', () => {
  const received: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      const id = /"id":"(wamid\.[^"]+)"/.exec(body)?.[1];
      if (id && req.headers['x-hub-signature-256']) received.push(id);
      res.writeHead(id ? 200 : 400).end();
    });
  });
  let files: BodyFiles;

  beforeAll(async () => {
    files = bodyFiles();
    files.set('smoke', signedBodies(120, { users: 7, tag: 'smoke' }), 2);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    files.remove();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends every pre-signed body once, then stops instead of repeating one', async () => {
    const port = (server.address() as AddressInfo).port;
    const result = await runWrk(port, { dir: files.dir, set: 'smoke', threads: 2, connections: 4, seconds: 3 });
    expect(result.exhausted).toBe(true);
    expect(result.non200).toBe(0);
    expect(new Set(received).size).toBe(received.length);
    expect(new Set(received)).toEqual(new Set(signedBodies(120, { users: 7, tag: 'smoke' }).map((b) => b.id)));
  });
});
