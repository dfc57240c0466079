import { describe, expect, it } from 'vitest';
import {
  conversationOf,
  hooks,
  openShop,
  openWidget,
  RUN_BROWSER,
  screenshot,
  send,
  texts,
  type,
  useWorld,
  waitOnline,
} from './browser.js';

describe.skipIf(!RUN_BROWSER)('the widget: loader, storage, rich content, failures', () => {
  const world = useWorld();

  it('shows the loader launcher at once, fetches widget.js on the first open, and writes no storage before a send', async () => {
    const page = await (await world().context()).newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/widget.js')) scripts.push(r.url());
    });
    await page.goto(`${world().shop.origin}/shop?loader=1`);
    await page.locator('loket-chat > button[aria-label=Chat]').waitFor();
    expect(scripts).toEqual([]);
    await page.locator('loket-chat > button').click();
    await page.locator(hooks.composer).waitFor();
    await waitOnline(page);
    expect(scripts).toHaveLength(1);
    const stored = () => page.evaluate(() => Object.keys(localStorage).length + Object.keys(sessionStorage).length);
    expect(await stored()).toBe(0);
    await send(page, 'Now I interacted');
    expect(await stored()).toBeGreaterThan(0);
    // A returning visitor with a conversation gets widget.js at once: there may be unread news.
    await page.reload();
    await page.locator(hooks.message('customer')).waitFor({ state: 'attached' });
    expect(scripts).toHaveLength(2);
    await screenshot(page, 'loader');
  });

  it('keeps nothing in storage with storage="none", even after a send', async () => {
    const page = await openShop(world(), '/shop?storage=none');
    await send(page, 'Private browsing');
    expect(await page.evaluate(() => Object.keys(localStorage).length + Object.keys(sessionStorage).length)).toBe(0);
  });

  it('renders buttons from the Content model and sends the choice back', async () => {
    const page = await openShop(world());
    await send(page, 'Which size?');
    const ref = await conversationOf(page);
    await world().gw.reply(ref, {
      type: 'buttons',
      text: 'Pick your size',
      buttons: [
        { id: 'size-43', title: '43' },
        { id: 'size-44', title: '44' },
      ],
    });
    await page.locator(`${hooks.message('agent')} button`, { hasText: '44' }).click();
    await page.locator(`${hooks.message('customer')}[data-state=sent]`, { hasText: '44' }).waitFor();
    expect(await world().gw.messages(ref)).toEqual([
      { author: 'customer', text: 'Which size?' },
      { author: 'agent', text: 'Pick your size' },
      { author: 'customer', text: '44' },
    ]);
    await screenshot(page, 'buttons');
  });

  it('shows a reaction on the message it names, in place, without a second copy of the message', async () => {
    const page = await openShop(world());
    await send(page, 'Thanks a lot');
    const ref = await conversationOf(page);
    const [entry] = await world().gw.gateway.history(ref, { limit: 1 });
    if (!entry) throw new Error('the message is not in the history');
    const messageId = (entry.data as { messageId: string }).messageId;
    await world().gw.reply(ref, { type: 'reaction', messageId, emoji: '👍' });
    await page.locator(`${hooks.message('customer')} .reactions`, { hasText: '👍' }).waitFor();
    expect(await page.locator(hooks.message('customer')).count()).toBe(1);
    expect(await page.locator(hooks.message('customer')).getAttribute('data-seq')).toBe(String(entry.seq));
  });

  it('marks a refused send failed with a retry button, and sends it on retry', async () => {
    const page = await (await world().context()).newPage();
    let refused = 0;
    await page.route('**/webchat/v1/messages', (route) => {
      if (refused++ > 0) return route.continue();
      return route.fulfill({ status: 400, contentType: 'application/json', body: '{"error":"bad_request"}' });
    });
    await page.goto(`${world().shop.origin}/shop`);
    await openWidget(page);
    await waitOnline(page);
    await type(page, 'Try me twice');
    const failed = page.locator(`${hooks.message('customer')}[data-state=failed]`);
    await failed.waitFor();
    await screenshot(page, 'failed-send');
    await failed.locator('button.retry').click();
    await page.locator(`${hooks.message('customer')}[data-state=sent]`).waitFor();
    const ref = await conversationOf(page);
    expect(await world().gw.messages(ref)).toEqual([{ author: 'customer', text: 'Try me twice' }]);
    expect(await texts(page)).toEqual(['Try me twice']);
  });

  it('asks the host for a token once on a 401, then shows a signed-out state without looping', async () => {
    const page = await (await world().context()).newPage();
    const before = world().shop.tokenRequests;
    await page.goto(`${world().shop.origin}/shop?sub=forged`);
    await openWidget(page);
    await page.locator(`${hooks.status}[data-auth=signed-out]`).waitFor({ state: 'attached' });
    await page.waitForTimeout(1500); // a loop would show up as more token requests in this time
    expect(world().shop.tokenRequests - before).toBe(1);
    await screenshot(page, 'signed-out');
  });

  it('uploads a picked image and shows it from its signed URL', async () => {
    // A 1x1 PNG: the server sniffs the bytes, not the name.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const page = await openShop(world());
    await page
      .locator('loket-chat input[type=file]')
      .setInputFiles({ name: 'boot.png', mimeType: 'image/png', buffer: png });
    const img = page.locator(`${hooks.message('customer')}[data-state=sent] img`);
    await img.waitFor();
    expect(await img.getAttribute('src')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webchat\/v1\//);
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(1);
    await screenshot(page, 'attachment');
  });
});
