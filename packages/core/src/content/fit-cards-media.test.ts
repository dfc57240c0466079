import { describe, expect, it } from 'vitest';
import type { Content } from '../model/content.js';
import { fitContent } from './fit-content.js';
import { messengerLike, waLike } from '../test-support/test-capabilities.js';

const shoe = (n: number) => ({
  title: `Shoe ${n}`,
  subtitle: 'Leather',
  imageUrl: `https://example.com/${n}.jpg`,
  buttons: [
    { id: `buy-${n}`, title: 'Buy' },
    { url: `https://example.com/${n}`, title: 'Details' },
  ],
});

describe('fitContent: cards', () => {
  it('sends cards where the channel has them', () => {
    const content: Content = { type: 'cards', cards: [shoe(1), shoe(2)] };
    expect(fitContent(content, messengerLike, { channel: 'messenger', strict: true })).toEqual({
      parts: [content],
      degraded: false,
    });
  });

  it('refuses too many cards when strict, and numbers them when not', () => {
    const content: Content = { type: 'cards', cards: Array.from({ length: 11 }, (_, i) => shoe(i + 1)) };
    expect(() => fitContent(content, messengerLike, { channel: 'messenger', strict: true })).toThrow(
      expect.objectContaining({ code: 'CONTENT_LIMIT' }),
    );
    expect(fitContent(content, messengerLike, { channel: 'messenger' }).pendingChoices?.options).toHaveLength(11);
  });

  it('turns one card without cards support into its image and its buttons', () => {
    const fit = fitContent({ type: 'cards', cards: [shoe(1)] }, waLike, { channel: 'whatsapp' });
    expect(fit.degraded).toBe(true);
    // WhatsApp cannot mix a link with a reply button: the buttons become text with a link.
    expect(fit.parts).toEqual([
      { type: 'image', media: { url: 'https://example.com/1.jpg' } },
      { type: 'text', text: 'Shoe 1\nLeather\n\n1. Buy\nDetails: https://example.com/1' },
    ]);
    const replyOnly: Content = { type: 'cards', cards: [{ title: 'Shoe', buttons: [{ id: 'buy', title: 'Buy' }] }] };
    expect(fitContent(replyOnly, waLike, { channel: 'whatsapp' }).parts).toEqual([
      { type: 'buttons', text: 'Shoe', buttons: [{ id: 'buy', title: 'Buy' }] },
    ]);
  });

  it('turns several cards into numbered text with titles and links', () => {
    const fit = fitContent({ type: 'cards', cards: [shoe(1), shoe(2)] }, waLike, { channel: 'whatsapp', now: 7 });
    expect(fit.parts).toEqual([
      {
        type: 'text',
        text: 'Shoe 1\nLeather\n1. Buy\nDetails: https://example.com/1\n\nShoe 2\nLeather\n2. Buy\nDetails: https://example.com/2',
      },
    ]);
    expect(fit.pendingChoices).toEqual({
      options: [
        { number: '1', id: 'buy-1', title: 'Buy' },
        { number: '2', id: 'buy-2', title: 'Buy' },
      ],
      at: 7,
    });
  });

  it('truncates long card titles', () => {
    const fit = fitContent({ type: 'cards', cards: [{ title: 'x'.repeat(90) }] }, messengerLike, {
      channel: 'messenger',
    });
    expect(fit.parts).toEqual([{ type: 'cards', cards: [{ title: `${'x'.repeat(79)}…` }] }]);
    expect(fit.degraded).toBe(true);
  });
});

describe('fitContent: media', () => {
  const image = (media: Record<string, unknown>): Content => ({ type: 'image', media, caption: 'Look' }) as Content;

  it('sends media that fits, keeping only the source the channel takes first', () => {
    const fit = fitContent(image({ id: 'm1', url: 'https://example.com/a.png', mimeType: 'image/png' }), waLike, {
      channel: 'whatsapp',
      strict: true,
    });
    expect(fit).toEqual({ parts: [image({ id: 'm1', mimeType: 'image/png' })], degraded: false });
  });

  it('refuses media over the size limit, strict or not', () => {
    expect(() =>
      fitContent(image({ url: 'https://e.com/a.png', size: 6_000_000 }), waLike, { channel: 'whatsapp' }),
    ).toThrow(expect.objectContaining({ code: 'CONTENT_LIMIT', message: expect.stringContaining('6000000 bytes') }));
    const data = new Uint8Array(5_000_001);
    expect(() => fitContent(image({ data }), waLike, { channel: 'whatsapp' })).toThrow(
      expect.objectContaining({ code: 'CONTENT_LIMIT' }),
    );
  });

  it('refuses a MIME type the channel does not take (parameters ignored)', () => {
    expect(() =>
      fitContent(image({ url: 'https://e.com/a.gif', mimeType: 'image/gif' }), waLike, { channel: 'whatsapp' }),
    ).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_CONTENT', message: expect.stringContaining('image/gif') }));
    const ok = image({ url: 'https://e.com/a.jpg', mimeType: 'IMAGE/JPEG; q=1' });
    expect(fitContent(ok, waLike, { channel: 'whatsapp' }).degraded).toBe(false);
  });

  it('refuses a source the channel cannot take', () => {
    const data = new Uint8Array([1, 2, 3]);
    expect(() => fitContent(image({ data }), messengerLike, { channel: 'messenger' })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_CONTENT', message: expect.stringContaining('bytes to upload') }),
    );
    expect(() => fitContent(image({}), messengerLike, { channel: 'messenger' })).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST' }),
    );
  });

  it('sends a missing media kind as a link when it has a URL, refuses it otherwise', () => {
    const video: Content = { type: 'video', media: { url: 'https://e.com/v.mp4' }, caption: 'Watch' };
    const fit = fitContent(video, waLike, { channel: 'whatsapp' });
    expect(fit).toEqual({ parts: [{ type: 'text', text: 'Watch\nhttps://e.com/v.mp4' }], degraded: true });
    expect(() => fitContent(video, waLike, { channel: 'whatsapp', strict: true })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_CONTENT' }),
    );
    expect(() => fitContent({ type: 'video', media: { id: 'v1' } }, waLike, { channel: 'whatsapp' })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_CONTENT', message: expect.stringContaining('video') }),
    );
  });

  it('sends the caption as a text after the media where media has no captions, without calling it degraded', () => {
    const caps = { ...waLike, mediaCaptions: false };
    const content: Content = { type: 'image', media: { url: 'https://e.com/a.png' }, caption: 'Look' };
    const fit = fitContent(content, caps, { channel: 'messenger' });
    expect(fit.parts).toEqual([
      { type: 'image', media: { url: 'https://e.com/a.png' } },
      { type: 'text', text: 'Look' },
    ]);
    expect(fit.degraded).toBe(false);
    expect(fitContent(content, waLike, { channel: 'whatsapp' }).parts).toEqual([content]);
  });

  it('sends a caption over the text limit after the media', () => {
    const caps = { ...messengerLike, text: { maxLength: 10, unit: 'chars' as const } };
    const content: Content = { type: 'image', media: { url: 'https://e.com/a.png' }, caption: 'A very long caption' };
    const fit = fitContent(content, caps, { channel: 'messenger' });
    expect(fit.parts).toEqual([
      { type: 'image', media: { url: 'https://e.com/a.png' } },
      { type: 'text', text: 'A very' },
      { type: 'text', text: 'long' },
      { type: 'text', text: 'caption' },
    ]);
  });
});
