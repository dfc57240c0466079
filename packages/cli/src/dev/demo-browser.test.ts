import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDev } from '../test-support/test-dev.js';
import type { DevServer } from './start-dev.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUN = existsSync(CHROMIUM) || process.env.CI === 'true';
const WEBCHAT = fileURLToPath(new URL('../../../webchat/', import.meta.url));
const README_SHOT = fileURLToPath(new URL('../../../../docs/webchat-demo.png', import.meta.url));
const ARTIFACT = fileURLToPath(new URL('../../test-artifacts/webchat-demo.png', import.meta.url));

describe.skipIf(!RUN)('the demo shop at /demo: customer in one tab, agent in the console in another', () => {
  let dev: DevServer;
  let context: BrowserContext;

  beforeAll(async () => {
    // widget.js comes from @loket/webchat's build; build it from the sources when this runs alone.
    if (!existsSync(join(WEBCHAT, 'dist/widget.js'))) {
      execFileSync(process.execPath, ['scripts/build-widget.mjs'], { cwd: WEBCHAT });
    }
    // The dev web chat allows the dev server's own origin, which names its port: take a free one first.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    dev = await startTestDev({ port });
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'loket-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 860 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await dev?.close();
  });

  it('carries a customer message to the console and the agent answer back, read, through a reload', {
    timeout: 60_000,
  }, async () => {
    expect(dev.channels.map((c) => c.channel)).toContain('webchat');
    const shop = await context.newPage();
    await shop.goto(`${dev.url}/demo`);
    await shop.evaluate(() => (window as unknown as { Loket?: (c: string) => void }).Loket?.('open'));
    await shop.locator('loket-chat [role=status][data-connection=online]').waitFor({ state: 'attached' });
    await shop.locator('loket-chat textarea').fill('Do the Hiker 43 run small?');
    await shop.locator('loket-chat textarea').press('Enter');
    await shop.locator('loket-chat [data-author=customer][data-state=sent]').waitFor();
    const user = await shop.evaluate(
      () =>
        (
          document.querySelector('loket-chat') as unknown as {
            client: { conversation: { conversation: { user: string } } };
          }
        ).client.conversation.conversation.user,
    );

    const console_ = await context.newPage();
    await console_.goto(dev.url);
    const card = console_.locator(`[data-conversation="webchat:default:${user}"]`);
    await card.locator('.item[data-kind="inbound"]', { hasText: 'Hiker 43' }).waitFor();
    await card.locator('.biz-text').fill('They run true to size. Want me to reserve a pair?');
    await card.locator('.biz-text').press('Enter');

    await shop.bringToFront();
    const answer = shop.locator('loket-chat [data-author=agent]', { hasText: 'true to size' });
    await answer.waitFor();
    await card.locator('.item[data-kind="status"]', { hasText: 'read' }).first().waitFor();

    await shop.reload();
    await shop.evaluate(() => (window as unknown as { Loket?: (c: string) => void }).Loket?.('open'));
    await answer.waitFor();
    // The dev server's echo bot answers too; the customer's and the agent's messages are there once each.
    expect(
      await shop.locator('loket-chat [role=log] [data-seq]:not([data-author=bot]) .bubble').allTextContents(),
    ).toEqual(['Do the Hiker 43 run small?', 'They run true to size. Want me to reserve a pair?']);
    mkdirSync(join(ARTIFACT, '..'), { recursive: true });
    await shop.screenshot({ path: ARTIFACT });
    // The README's picture changes only on request, so a test run leaves the checkout as it found it.
    if (process.env.LOKET_UPDATE_SCREENSHOT === '1') copyFileSync(ARTIFACT, README_SHOT);
  });
});
