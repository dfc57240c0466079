import { describe, expect, it } from 'vitest';
import { startTcpProxy } from '../test-support/tcp-proxy.js';
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

describe.skipIf(!RUN_BROWSER)('bad links and many tabs', () => {
  const world = useWorld();

  it('notices a half-open link through its watchdog and replays the gap exactly once', async () => {
    const proxy = await startTcpProxy(world().gw.url);
    try {
      const page = await (await world().context()).newPage();
      await page.goto(`${world().shop.origin}/shop?server=${encodeURIComponent(proxy.url)}`);
      await openWidget(page);
      await waitOnline(page);
      await type(page, 'Is anyone there?');
      await page.locator(`${hooks.message('customer')}[data-state=sent]`).waitFor();
      const ref = await conversationOf(page);
      proxy.blackhole(); // no FIN, no RST: the socket looks open and carries nothing
      await world().gw.reply(ref, 'Sent into a dead link');
      // The watchdog (8 s of silence by default) replaces the link; the resume replays the reply.
      await page.locator(hooks.message('agent'), { hasText: 'dead link' }).waitFor({ timeout: 15_000 });
      await waitOnline(page);
      expect(await texts(page)).toEqual(['Is anyone there?', 'Sent into a dead link']);
      await screenshot(page, 'half-open-link');
    } finally {
      await proxy.close();
    }
  });

  it('falls back to SSE when WebSockets are blocked, and works both ways', async () => {
    const page = await (await world().context()).newPage();
    let refused = 0;
    await page.routeWebSocket('**/webchat/v1/ws', (ws) => {
      refused++;
      ws.close({ code: 1006 });
    });
    await page.goto(`${world().shop.origin}/shop`);
    await openWidget(page);
    await waitOnline(page);
    await send(page, 'Hello over SSE');
    const ref = await conversationOf(page);
    await world().gw.reply(ref, 'Reply over SSE');
    await page.locator(hooks.message('agent'), { hasText: 'Reply over SSE' }).waitFor();
    const transport = await page.evaluate(
      () =>
        (document.querySelector('loket-chat') as unknown as { client: { connectionState: { transport: string } } })
          .client.connectionState.transport,
    );
    expect(transport).toBe('sse');
    expect(refused).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'sse-fallback');
  });

  it('follows a verified customer to a second device: full history and live replies', async () => {
    const laptop = await (await world().context()).newPage();
    await laptop.goto(`${world().shop.origin}/shop?sub=customer-42`);
    await openWidget(laptop);
    await waitOnline(laptop);
    await send(laptop, 'Written on my laptop');
    const ref = await conversationOf(laptop);
    await world().gw.reply(ref, 'Answered while you were on the laptop');
    const phone = await (await world().context()).newPage();
    await phone.goto(`${world().shop.origin}/shop?sub=customer-42`);
    await openWidget(phone);
    await phone.locator(hooks.message('agent')).waitFor();
    expect(await texts(phone)).toEqual(['Written on my laptop', 'Answered while you were on the laptop']);
    await waitOnline(phone);
    await world().gw.reply(ref, 'Live on both');
    await phone.locator(hooks.message('agent'), { hasText: 'Live on both' }).waitFor();
    await laptop.locator(hooks.message('agent'), { hasText: 'Live on both' }).waitFor();
    await screenshot(phone, 'cross-device');
  });

  it('keeps markup and javascript: links sent by either side inert', async () => {
    const page = await openShop(world());
    await type(page, '<img src=x onerror="window.__xss=1">');
    await type(page, 'javascript:window.__xss=2');
    await page
      .locator(`${hooks.message('customer')}[data-state=sent]`)
      .nth(1)
      .waitFor();
    const ref = await conversationOf(page);
    await world().gw.reply(ref, '<img src=x onerror=window.__xss=3><script>window.__xss=4</script>');
    await world().gw.reply(ref, 'See javascript:alert(1) or https://example.com/boots');
    await page.locator(hooks.message('agent'), { hasText: 'example.com' }).waitFor();
    const found = await page.evaluate(() => {
      const log = document.querySelector('loket-chat')?.shadowRoot?.querySelector('[role=log]');
      return {
        xss: (window as unknown as { __xss?: number }).__xss,
        imgs: log?.querySelectorAll('img, script').length,
        hrefs: [...(log?.querySelectorAll('a') ?? [])].map((a) => [a.getAttribute('href'), a.rel]),
      };
    });
    expect(found).toEqual({ xss: undefined, imgs: 0, hrefs: [['https://example.com/boots', 'noopener noreferrer']] });
    expect(await texts(page, 'customer')).toEqual([
      '<img src=x onerror="window.__xss=1">',
      'javascript:window.__xss=2',
    ]);
    await screenshot(page, 'inert-markup');
  });

  it('keeps seven tabs of one browser live', async () => {
    const context = await world().context();
    const first = await context.newPage();
    await first.goto(`${world().shop.origin}/shop`);
    await openWidget(first);
    await waitOnline(first);
    await send(first, 'Seven tabs open');
    const ref = await conversationOf(first);
    const tabs = [first];
    for (let i = 1; i < 7; i++) {
      const tab = await context.newPage();
      await tab.goto(`${world().shop.origin}/${i % 2 ? 'other' : 'shop'}`);
      await openWidget(tab);
      tabs.push(tab);
    }
    for (const tab of tabs) await waitOnline(tab);
    await world().gw.reply(ref, 'One reply, seven tabs');
    for (const tab of tabs) {
      await tab.locator(hooks.message('agent'), { hasText: 'seven tabs' }).waitFor();
      expect(await texts(tab)).toEqual(['Seven tabs open', 'One reply, seven tabs']);
    }
    await screenshot(tabs[6]!, 'seven-tabs');
  });
});
