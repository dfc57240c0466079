import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDev } from '../test-support/test-dev.js';
import type { DevServer } from './start-dev.js';

// Debian's chromium, never a downloaded browser. A newcomer without it skips this file; CI must not.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const IN_CI = process.env.CI === 'true';
const ARTIFACT = fileURLToPath(new URL('../../test-artifacts/console.png', import.meta.url));
const README_SHOT = fileURLToPath(new URL('../../../../docs/console.png', import.meta.url));
const ACCOUNT = '106540352242922';

if (!HAVE_CHROMIUM && !IN_CI) {
  console.warn(`[loket] [cli] browser test skipped: ${CHROMIUM} is missing (apt-get install -y chromium to run it)`);
}

describe.skipIf(!HAVE_CHROMIUM && !IN_CI)('dev console in a real browser', () => {
  let dev: DevServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) {
      throw new Error(`${CHROMIUM} is missing and CI=true: install it (apt-get install -y chromium; .ci/run does)`);
    }
    dev = await startTestDev({ statusDelayMs: 100 });
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'loket-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 950 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(dev.url);
    await page.locator('#connection', { hasText: 'live' }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await dev?.close();
  });

  const card = (user: string, channel = 'whatsapp') => {
    const account = dev.channels.find((c) => c.channel === channel)?.account ?? ACCOUNT;
    return page.locator(`[data-conversation="${channel}:${account}:${user}"]`);
  };
  const item = (user: string, kind: string, text: string, channel = 'whatsapp') =>
    card(user, channel).locator(`.item[data-kind="${kind}"]`, { hasText: text }).first();

  async function playCustomer(
    from: string,
    name: string,
    text: string,
    hoursAgo = '0',
    channel = 'whatsapp',
  ): Promise<void> {
    await page.selectOption('#customer-channel', channel);
    await page.fill('#customer-from', from);
    await page.fill('#customer-name', name);
    await page.selectOption('#customer-age', hoursAgo);
    await page.fill('#customer-text', text);
    await page.click('#customer-send');
  }

  it('shows a simulated WhatsApp message with its reply, its statuses and an open window', async () => {
    await playCustomer('31611111111', 'Ada', 'Hallo! Where is my parcel?');
    await item('31611111111', 'inbound', 'Hallo! Where is my parcel?').waitFor();
    await item('31611111111', 'sent', 'Echo: Hallo! Where is my parcel?').waitFor();
    await item('31611111111', 'status', 'delivered').waitFor();
    await item('31611111111', 'status', 'read').waitFor();
    expect(await card('31611111111').locator('.item[data-kind="status"]').first().textContent()).not.toMatch(
      /status\s*status/,
    );
    expect(await card('31611111111').locator('.window').textContent()).toMatch(/^window open, closes in 2[34] h$/);
    expect(await card('31611111111').locator('strong').textContent()).toBe('Ada (31611111111)');
  });

  it('names a customer without a profile name (or with their id as one) once, and has a favicon', async () => {
    await playCustomer('31644444444', '31644444444', 'No name here');
    await item('31644444444', 'inbound', 'No name here').waitFor();
    expect(await card('31644444444').locator('strong').textContent()).toBe('31644444444');
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/favicon.svg');
  });

  it('shows OUTSIDE_WINDOW for a send outside the window', async () => {
    await playCustomer('31622222222', 'Bob', 'Are you there?', '25');
    await item('31622222222', 'refused', 'OUTSIDE_WINDOW').waitFor();
    expect(await card('31622222222').locator('.window').textContent()).toMatch(/^window closed/);

    await page.selectOption('#customer-age', '0');
    await page.fill('#business-user', '31633333333');
    await page.fill('#business-text', 'Your parcel has shipped');
    await page.click('#business-send');
    await page.locator('#business-result', { hasText: 'OUTSIDE_WINDOW' }).waitFor();
    await item('31633333333', 'refused', 'OUTSIDE_WINDOW').waitFor();
    expect(await item('31633333333', 'refused', 'OUTSIDE_WINDOW').textContent()).toContain(
      'send an approved message template',
    );

    // The template the refusal asks for, from the same form: refused without consent, sent once it is granted.
    await page.fill('#business-text', '');
    await page.fill('#business-template', 'order_update');
    await page.click('#business-send');
    await page.locator('#business-result', { hasText: 'CONSENT_REQUIRED' }).waitFor();
    await page.click('#business-consent');
    await page.locator('#business-result', { hasText: 'consent granted for 31633333333' }).waitFor();
    await page.click('#business-send');
    await page.locator('#business-result', { hasText: /^sent / }).waitFor();
    await card('31633333333').locator('.consent', { hasText: 'all topics: granted' }).waitFor();
    await page.fill('#business-template', '');

    // Other channels sit side by side with WhatsApp when their packages are installed.
    if (dev.channels.some((c) => c.channel === 'messenger')) {
      await playCustomer('6024758190123456', '', 'Hi from Messenger', '0', 'messenger');
      await item('6024758190123456', 'sent', 'Echo: Hi from Messenger', 'messenger').waitFor();
    }

    mkdirSync(join(ARTIFACT, '..'), { recursive: true });
    await page.screenshot({ path: ARTIFACT, fullPage: true });
    // The README's picture changes only on request, so a test run leaves the checkout as it found it.
    if (process.env.LOKET_UPDATE_SCREENSHOT === '1') copyFileSync(ARTIFACT, README_SHOT);
  });

  it('opens the raw payload of an event on click', async () => {
    await item('31611111111', 'inbound', 'Where is my parcel').click();
    await page.locator('#raw-panel').waitFor({ state: 'visible' });
    const raw = await page.locator('#raw-content').textContent();
    expect(raw).toContain('// raw: what the platform sent');
    expect(raw).toContain('"from": "31611111111"');
    expect(raw).toContain('// normalized event');
    await page.click('#raw-close');
    await page.locator('#raw-panel').waitFor({ state: 'hidden' });
  });

  it('takes a conversation over with a button and shows the session service level', async () => {
    await card('31611111111').locator('button.take-over', { hasText: 'Take over' }).click();
    await card('31611111111').locator('.controller[data-controller="human"]').waitFor();
    await card('31611111111').locator('button.take-over', { hasText: 'Hand back to bot' }).waitFor();
    await card('31611111111').locator('.biz-text').fill('A person here.');
    await card('31611111111').locator('.biz-send').click();
    await page.locator('#sla', { hasText: /answered within 300 s/ }).waitFor();
    expect(await page.locator('#sla').getAttribute('data-sla')).not.toBe('none');
  });
});
