import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { ConversationRef } from '@loket/core';
import { startGateway, type TestGateway } from './gateway.js';
import { type Shop, startShop } from './shop.js';

/** Debian's chromium, never a downloaded browser. Without it these tests skip, except under CI=true. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RUN_BROWSER = existsSync(CHROMIUM) || process.env.CI === 'true';
const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/', import.meta.url));

/** One browser, one shop and one real gateway (SQLite) for a test file. */
export interface World {
  browser: Browser;
  shop: Shop;
  gw: TestGateway;
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Builds widget.js from the sources, then starts the shop, the gateway and chromium. */
export async function startWorld(): Promise<World> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing and CI=true: install it (apt-get install -y chromium; .ci/run does)`);
  }
  execFileSync(process.execPath, ['scripts/build-widget.mjs'], { cwd: PACKAGE, stdio: 'inherit' });
  const shop = await startShop();
  const gw = await startGateway(shop.origin);
  shop.server = gw.url;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const contexts: BrowserContext[] = [];
  return {
    browser,
    shop,
    gw,
    async context(options = {}) {
      const c = await browser.newContext({ viewport: { width: 1100, height: 800 }, ...options });
      contexts.push(c);
      return c;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await gw.close();
      await shop.close();
    },
  };
}

/** The widget's public hooks, as a page sees them through the open shadow root. */
export const hooks = {
  log: 'loket-chat [role=log]',
  message: (author?: string) => `loket-chat [role=log] [data-seq]${author ? `[data-author=${author}]` : ''}`,
  status: 'loket-chat [role=status]',
  composer: 'loket-chat form textarea',
  submit: 'loket-chat form button[type=submit]',
  launcher: 'loket-chat .launcher',
};

/** Opens the widget through the loader's command queue. */
export async function openWidget(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean(customElements.get('loket-chat')));
  await page.evaluate(() => (window as unknown as { Loket: (c: string) => void }).Loket('open'));
  await page.locator(hooks.composer).waitFor();
}

export async function waitOnline(page: Page): Promise<void> {
  await page.locator(`${hooks.status}[data-connection=online]`).waitFor({ state: 'attached', timeout: 15_000 });
}

/** Types a message and sends it with Enter, like a customer. */
export async function type(page: Page, text: string): Promise<void> {
  await page.locator(hooks.composer).fill(text);
  await page.locator(hooks.composer).press('Enter');
}

/** The texts of the transcript's messages (optionally of one author), in order. */
export function texts(page: Page, author?: string): Promise<string[]> {
  return page.locator(`${hooks.message(author)} .bubble`).allTextContents();
}

/** The customer's conversation, as the widget's client knows it. */
export async function conversationOf(page: Page): Promise<ConversationRef> {
  const handle = await page.waitForFunction(() => {
    const el = document.querySelector('loket-chat') as unknown as {
      client?: { conversation?: { conversation: unknown } };
    };
    return el?.client?.conversation?.conversation;
  });
  return (await handle.jsonValue()) as ConversationRef;
}

/** Saves a screenshot as a test artifact (test-artifacts/ is git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}${name}.png` });
}

/** One world for a test file: started before its tests, closed after them. */
export function useWorld(): () => World {
  let world: World | undefined;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });
  return () => {
    if (!world) throw new Error('useWorld: the world starts in beforeAll');
    return world;
  };
}

/** A new browser context on a shop page (`path` with its query), the widget open and online. */
export async function openShop(world: World, path = '/shop', options: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await world.context(options)).newPage();
  await page.goto(`${world.shop.origin}${path}`);
  await openWidget(page);
  await waitOnline(page);
  return page;
}

/** Types a message, sends it, and waits until the server acknowledged it. */
export async function send(page: Page, text: string): Promise<void> {
  await type(page, text);
  await page.locator(`${hooks.message('customer')}[data-state=sent]`, { hasText: text }).waitFor();
}
