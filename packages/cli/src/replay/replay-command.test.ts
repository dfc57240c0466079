import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { memoryIo } from '../test-support/memory-io.js';
import { type PlainGateway, startPlainGateway } from '../test-support/plain-gateway.js';

const FIXTURES = fileURLToPath(new URL('../../../testing/fixtures/whatsapp', import.meta.url));
const INBOUND = readdirSync(join(FIXTURES, 'inbound')).filter(
  (f) => f.endsWith('.json') && !f.endsWith('.events.json'),
);

let plain: PlainGateway | undefined;
afterEach(async () => {
  await plain?.close();
  plain = undefined;
});

describe('loket replay', () => {
  it('replays every recorded WhatsApp webhook, re-signed, and prints the summary', async () => {
    plain = await startPlainGateway('their-secret');
    const io = memoryIo();
    const code = await runCli(['replay', FIXTURES, '--url', plain.url, '--secret', 'their-secret'], io);
    expect(io.text()).toContain(
      `Replayed ${INBOUND.length} webhooks to ${plain.url}: ${INBOUND.length} acknowledged, 0 refused, 0 failed`,
    );
    expect(code).toBe(0);
    // The raw bytes verified and parsed: the recorded messages reached the handlers.
    await expect.poll(() => plain!.events.some((e) => e.type === 'message' && e.content.type === 'text')).toBe(true);
  });

  it('counts refusals when the secret is not the target one, and exits 1', async () => {
    plain = await startPlainGateway('their-secret');
    const io = memoryIo();
    expect(
      await runCli(['replay', join(FIXTURES, 'inbound', 'text.json'), '--url', plain.url, '--secret', 'nope'], io),
    ).toBe(1);
    expect(io.text()).toContain('0 acknowledged, 1 refused, 0 failed');
    expect(io.text()).toContain('refused');
  });

  it('draws a progress bar on a terminal', async () => {
    plain = await startPlainGateway('their-secret');
    const io = memoryIo();
    const bars: string[] = [];
    const code = await runCli(['replay', join(FIXTURES, 'inbound'), '--url', plain.url, '--secret', 'their-secret'], {
      ...io,
      status: (t) => bars.push(t),
    });
    expect(code).toBe(0);
    expect(bars).toContain(`[${'#'.repeat(24)}] ${INBOUND.length}/${INBOUND.length} ${INBOUND.at(-1)}`);
  });

  it('fails a file whose channel cannot be told, and names --channel', async () => {
    plain = await startPlainGateway('their-secret');
    const io = memoryIo();
    writeFileSync(join(io.cwd, 'odd.json'), '{"hello":"world"}');
    expect(await runCli(['replay', join(io.cwd, 'odd.json'), '--url', plain.url], io)).toBe(1);
    expect(io.text()).toContain('channel unknown: pass --channel');
    expect(io.text()).toContain('0 acknowledged, 0 refused, 1 failed');
  });

  it('needs --url', async () => {
    const io = memoryIo();
    expect(await runCli(['replay', FIXTURES], io)).toBe(2);
    expect(io.text()).toContain("--url is missing: pass the gateway's base URL");
  });
});
