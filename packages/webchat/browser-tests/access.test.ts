import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { devices } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hooks, openShop, openWidget, RUN_BROWSER, screenshot, send, useWorld, waitOnline } from './browser.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe.skipIf(!RUN_BROWSER)('accessible, and usable on a phone', () => {
  const world = useWorld();

  it('has no serious axe-core violations with the widget open', async () => {
    const page = await openShop(world());
    await send(page, 'Hello, is my order on its way?');
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run(el: Element): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
        }
      ).axe;
      const result = await axe.run(document.querySelector('loket-chat') as Element);
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    // The composer keeps the focus after a send, and the transcript is a polite live log.
    expect(await page.evaluate(() => document.querySelector('loket-chat')?.shadowRoot?.activeElement?.tagName)).toBe(
      'TEXTAREA',
    );
    expect(await page.locator(hooks.log).getAttribute('aria-live')).toBe('polite');
    await screenshot(page, 'axe-open-widget');
  });

  it('keeps the composer on screen above the keyboard on a Pixel 7', async () => {
    const pixel = devices['Pixel 7']!;
    const page = await (await world().context({ ...pixel })).newPage();
    await page.goto(`${world().shop.origin}/shop?lang=nl`);
    await openWidget(page);
    await waitOnline(page);
    const composer = page.locator(hooks.composer);
    expect(await composer.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(
      16,
    );
    expect(await composer.getAttribute('placeholder')).toBe('Schrijf een bericht…');
    // The on-screen keyboard takes the lower part of the screen: the visual viewport shrinks, the panel follows.
    const keyboardTop = 480;
    await page.setViewportSize({ width: pixel.viewport.width, height: keyboardTop });
    await page.evaluate(() => window.visualViewport?.dispatchEvent(new Event('resize')));
    const box = await page.locator(hooks.submit).boundingBox();
    const area = await composer.boundingBox();
    expect(area && area.y + area.height).toBeLessThanOrEqual(keyboardTop);
    expect(box && box.y + box.height).toBeLessThanOrEqual(keyboardTop);
    await send(page, 'Verstuurd vanaf mijn telefoon');
    await screenshot(page, 'pixel-7');
  });
});
