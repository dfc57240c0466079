import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { memoryIo } from '../test-support/memory-io.js';
import { type PlainGateway, type PlainMiddleware, startPlainGateway } from '../test-support/plain-gateway.js';

let gateway: PlainGateway | undefined;
let server: Server | undefined;

afterEach(async () => {
  vi.restoreAllMocks();
  await gateway?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  gateway = undefined;
  server = undefined;
});

/** A server that gets everything wrong: JSON around the challenge, any token, unsigned posts accepted. */
async function sloppyServer(): Promise<string> {
  server = createServer((req, res) => {
    const challenge = new URL(req.url ?? '/', 'http://x').searchParams.get('hub.challenge');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ challenge }));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Reads the body and leaves a parsed object behind, as express.json() does. */
const jsonParser: PlainMiddleware = (req, _res, next) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    Object.assign(req, { body: text === '' ? {} : JSON.parse(text) });
    next();
  });
};

describe('loket doctor webhook', () => {
  it('passes a gateway that answers the handshake right and refuses what it must', async () => {
    gateway = await startPlainGateway('app-secret', 'my-token');
    const io = memoryIo();
    const code = await runCli(
      ['doctor', 'webhook', '--url', gateway.url, '--verify-token', 'my-token', '--secret', 'app-secret'],
      io,
    );
    expect(io.text()).toContain(`Checking ${gateway.url}/webhooks/whatsapp`);
    expect(io.text()).toMatch(/✓ handshake: 200 with exactly the challenge/);
    expect(io.text()).toMatch(/✓ wrong token: refused with 403/);
    expect(io.text()).toMatch(/✓ unsigned POST: refused with 401/);
    expect(io.text()).toMatch(/✓ signed POST: acknowledged with 200/);
    expect(io.text()).toContain('! https');
    expect(io.text()).toContain('The platform would accept this webhook.');
    expect(code).toBe(0);
  });

  it('explains a wrong verify token', async () => {
    gateway = await startPlainGateway('app-secret', 'my-token');
    const io = memoryIo({ env: { WHATSAPP_VERIFY_TOKEN: 'other-token' } });
    expect(await runCli(['doctor', 'webhook', '--url', gateway.url], io)).toBe(1);
    expect(io.text()).toContain("✗ handshake: 403: the gateway's verifyToken is not the one given");
  });

  it('fails a server that wraps the challenge in JSON and accepts unsigned posts', async () => {
    const url = await sloppyServer();
    const io = memoryIo();
    expect(await runCli(['doctor', 'webhook', '--url', `${url}/hook`], io)).toBe(1);
    expect(io.text()).toContain('✗ handshake: 200, but the body must be exactly the challenge');
    expect(io.text()).toContain('✗ wrong token: a wrong verify token is accepted');
    expect(io.text()).toContain('✗ unsigned POST: answered 200');
    expect(io.text()).toContain('The platform would reject this webhook');
  });

  it('says a body parser read the body before Loket, instead of blaming the app secret', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true); // the gateway's once-per-process notice
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // its default logger
    gateway = await startPlainGateway('app-secret', 'my-token', jsonParser);
    const io = memoryIo();
    const code = await runCli(
      ['doctor', 'webhook', '--url', gateway.url, '--verify-token', 'my-token', '--secret', 'app-secret'],
      io,
    );
    expect(code).toBe(1);
    expect(io.text()).toContain('✗ body parser: a body parser read the body before Loket');
    expect(io.text()).toContain('(the app secret is not the problem). Fix: mount gateway.node before any body parser');
    expect(io.text()).not.toContain('unsigned POST');
    expect(io.text()).not.toContain('another app secret');
    expect(io.text()).toMatch(/✓ handshake: 200/);
  });

  it('reports an unreachable URL', async () => {
    const io = memoryIo();
    expect(await runCli(['doctor', 'webhook', '--url', 'http://127.0.0.1:9/webhooks/whatsapp'], io)).toBe(1);
    expect(io.text()).toContain('could not reach');
  });
});
