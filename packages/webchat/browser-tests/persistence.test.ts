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

describe.skipIf(!RUN_BROWSER)('the conversation survives the page', () => {
  const world = useWorld();

  it('keeps the history through a reload and a navigation, with no duplicates', async () => {
    const page = await openShop(world());
    await send(page, 'Do you have these boots in size 43?');
    const ref = await conversationOf(page);
    await world().gw.reply(ref, 'Yes, in black and brown.');
    await page.locator(hooks.message('agent'), { hasText: 'black and brown' }).waitFor();
    await page.reload();
    await openWidget(page);
    await page.locator(hooks.message('agent')).waitFor();
    expect(await texts(page)).toEqual(['Do you have these boots in size 43?', 'Yes, in black and brown.']);
    await page.click('text=Other page');
    await openWidget(page);
    await page.locator(hooks.message('agent')).waitFor();
    await waitOnline(page);
    expect(await texts(page)).toEqual(['Do you have these boots in size 43?', 'Yes, in black and brown.']);
    await world().gw.reply(ref, 'Shall I reserve a pair?');
    await page.locator(hooks.message('agent'), { hasText: 'reserve' }).waitFor();
    expect(await page.locator(hooks.message()).count()).toBe(3);
    await screenshot(page, 'reload-and-navigation');
  });

  it('delivers a message typed while offline exactly once when the network returns', async () => {
    const context = await world().context();
    const page = await context.newPage();
    await page.goto(`${world().shop.origin}/shop`);
    await openWidget(page);
    await waitOnline(page);
    const ref = await conversationOf(page);
    await context.setOffline(true);
    await page
      .locator(`${hooks.status}[data-connection=offline], ${hooks.status}[data-connection=reconnecting]`)
      .waitFor({ state: 'attached' });
    await type(page, 'Typed on the train');
    await page.locator(`${hooks.message('customer')}[data-state=sending]`).waitFor();
    await screenshot(page, 'offline-sending');
    await context.setOffline(false);
    await page.locator(`${hooks.message('customer')}[data-state=sent]`).waitFor({ timeout: 20_000 });
    await waitOnline(page);
    expect(await world().gw.messages(ref)).toEqual([{ author: 'customer', text: 'Typed on the train' }]);
    expect(await texts(page)).toEqual(['Typed on the train']);
    await screenshot(page, 'offline-delivered');
  });

  it('reconnects after the server drops every connection, and misses nothing', async () => {
    const page = await openShop(world());
    await page.evaluate(() => {
      const el = document.querySelector('loket-chat') as unknown as {
        client: { on(n: string, f: (s: { state: string }) => void): void };
      };
      el.client.on('connection', ({ state }) => {
        (window as unknown as { states: string[] }).states ??= [];
        (window as unknown as { states: string[] }).states.push(state);
      });
    });
    await send(page, 'Before the deploy');
    const ref = await conversationOf(page);
    await world().gw.restart();
    await world().gw.reply(ref, 'During the deploy');
    await world().gw.reply(ref, 'After the deploy');
    await page.locator(hooks.message('agent'), { hasText: 'After the deploy' }).waitFor({ timeout: 20_000 });
    await waitOnline(page);
    expect(await texts(page)).toEqual(['Before the deploy', 'During the deploy', 'After the deploy']);
    const states = await page.evaluate(() => (window as unknown as { states: string[] }).states);
    expect(states).toContain('reconnecting'); // the deploy really cut the link
    expect(states.at(-1)).toBe('online');
    await screenshot(page, 'server-drop');
  });

  it('stores exactly one message when the acknowledgement of the send is lost', async () => {
    const page = await (await world().context()).newPage();
    let lost = 0;
    await page.route('**/webchat/v1/messages', async (route) => {
      if (lost > 0) return route.continue();
      lost++;
      await route.fetch(); // the server stores it ...
      await route.abort('connectionreset'); // ... and the answer never arrives
    });
    await page.goto(`${world().shop.origin}/shop`);
    await openWidget(page);
    await waitOnline(page);
    await type(page, 'Exactly once, please');
    await page.locator(`${hooks.message('customer')}[data-state=sent]`).waitFor({ timeout: 20_000 });
    const ref = await conversationOf(page);
    expect(lost).toBe(1);
    expect(await world().gw.messages(ref)).toEqual([{ author: 'customer', text: 'Exactly once, please' }]);
    expect(await page.locator(hooks.message('customer')).count()).toBe(1);
    await screenshot(page, 'ack-lost');
  });
});
