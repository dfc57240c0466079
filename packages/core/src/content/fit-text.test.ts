import { describe, expect, it } from 'vitest';
import { LoketError } from '../errors.js';
import type { Content } from '../model/content.js';
import { fitContent } from './fit-content.js';
import { messengerLike, textOnly, waLike } from '../test-support/test-capabilities.js';

const texts = (parts: Content[]) => parts.map((part) => (part.type === 'text' ? part.text : `<${part.type}>`));
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const bytes = (text: string) => new TextEncoder().encode(text).byteLength;

describe('fitContent: text', () => {
  it('passes text that fits, not degraded', () => {
    const fit = fitContent({ type: 'text', text: 'Hello' }, waLike, { channel: 'whatsapp' });
    expect(fit).toEqual({ parts: [{ type: 'text', text: 'Hello' }], degraded: false });
  });

  it('splits long text on word boundaries, each part within the limit', () => {
    const caps = { ...messengerLike, text: { maxLength: 12, unit: 'chars' as const } };
    const fit = fitContent({ type: 'text', text: 'The quick brown fox jumps over the lazy dog' }, caps, {
      channel: 'messenger',
    });
    expect(texts(fit.parts)).toEqual(['The quick', 'brown fox', 'jumps over', 'the lazy dog']);
    expect(fit.degraded).toBe(true);
  });

  it('counts code points for chars: an emoji is one, a word of them is not cut in half', () => {
    const caps = { ...messengerLike, text: { maxLength: 4, unit: 'chars' as const } };
    const fit = fitContent({ type: 'text', text: '😀😀😀😀😀😀' }, caps, { channel: 'messenger' });
    expect(texts(fit.parts)).toEqual(['😀😀😀😀', '😀😀']);
  });

  it('counts UTF-8 bytes and never splits a grapheme (emoji sequence, accent)', () => {
    const family = '👨‍👩‍👧'; // 18 bytes, one grapheme
    const fit = fitContent({ type: 'text', text: `${family}${family}e\u0301e\u0301` }, textOnly, {
      channel: 'instagram',
    });
    expect(fit.parts.length).toBeGreaterThan(1);
    expect(texts(fit.parts).join('')).toBe(`${family}${family}e\u0301e\u0301`);
    for (const part of texts(fit.parts)) {
      expect(bytes(part)).toBeLessThanOrEqual(20);
      expect(part).not.toMatch(LONE_SURROGATE);
      expect(part.startsWith('\u0301')).toBe(false);
    }
  });

  it('prefers a line break in the second half of a part', () => {
    const caps = { ...messengerLike, text: { maxLength: 20, unit: 'chars' as const } };
    const fit = fitContent({ type: 'text', text: 'first line is\nsecond one here' }, caps, { channel: 'messenger' });
    expect(texts(fit.parts)).toEqual(['first line is', 'second one here']);
  });

  it('cuts a word longer than the limit', () => {
    const caps = { ...messengerLike, text: { maxLength: 5, unit: 'chars' as const } };
    const fit = fitContent({ type: 'text', text: 'abcdefghij k' }, caps, { channel: 'messenger' });
    expect(texts(fit.parts)).toEqual(['abcde', 'fghij', 'k']);
  });

  it('refuses long text with CONTENT_LIMIT when strict', () => {
    const long = 'word '.repeat(1000);
    try {
      fitContent({ type: 'text', text: long }, messengerLike, { channel: 'messenger', strict: true });
      expect.unreachable();
    } catch (err) {
      expect(LoketError.is(err) && err.code).toBe('CONTENT_LIMIT');
      expect((err as Error).message).toMatch(/^\[loket\] \[messenger\] the text is longer than 2000 chars/);
    }
  });

  it('refuses invalid content with BAD_REQUEST', () => {
    const bad = { type: 'buttons', text: 'Pick', buttons: [] } as unknown as Content;
    expect(() => fitContent(bad, waLike, { channel: 'whatsapp' })).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST', message: expect.stringContaining('buttons') }),
    );
  });

  it('refuses a quoted reply on a channel that cannot quote, and allows it where it can', () => {
    const text: Content = { type: 'text', text: 'hi' };
    expect(() => fitContent(text, messengerLike, { channel: 'messenger', replyTo: 'm.1' })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_CONTENT' }),
    );
    expect(fitContent(text, waLike, { channel: 'whatsapp', replyTo: 'wamid.1' }).degraded).toBe(false);
  });
});

describe('fitContent: kinds without a substitute', () => {
  const template: Content = { type: 'template', name: 'order_update', language: 'en' };

  it('sends a template where templates exist and refuses it elsewhere, strict or not', () => {
    expect(fitContent(template, waLike, { channel: 'whatsapp' }).parts).toEqual([template]);
    expect(() => fitContent(template, messengerLike, { channel: 'messenger' })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_CONTENT', message: expect.stringContaining('template') }),
    );
  });

  it.each([
    [{ type: 'reaction', messageId: 'm1', emoji: '👍' }, 'reactions'],
    [{ type: 'typing' }, 'typing'],
    [{ type: 'read', messageId: 'm1' }, 'read receipts'],
  ] as [Content, string][])('refuses %o on a channel without it', (content, what) => {
    expect(() => fitContent(content, textOnly, { channel: 'x' })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_CONTENT', message: expect.stringContaining(what) }),
    );
    expect(fitContent(content, waLike, { channel: 'whatsapp' }).parts).toEqual([content]);
  });

  it('refuses inbound-only content', () => {
    expect(() => fitContent({ type: 'choice', id: 'a' }, waLike, { channel: 'whatsapp' })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_CONTENT' }),
    );
  });

  it('turns a location into text with a map link, or refuses when strict', () => {
    const location: Content = { type: 'location', latitude: 52.37, longitude: 4.89, name: 'Office' };
    const fit = fitContent(location, messengerLike, { channel: 'messenger' });
    expect(fit.degraded).toBe(true);
    expect(texts(fit.parts)).toEqual(['Office\nhttps://www.google.com/maps/search/?api=1&query=52.37,4.89']);
    expect(fitContent(location, waLike, { channel: 'whatsapp' }).parts).toEqual([location]);
    expect(() => fitContent(location, messengerLike, { channel: 'messenger', strict: true })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_CONTENT' }),
    );
  });

  it('turns contact cards into text', () => {
    const contacts: Content = {
      type: 'contacts',
      contacts: [{ name: 'Ann', phones: [{ phone: '+31 6 1234' }], emails: [{ email: 'ann@example.com' }] }],
    };
    const fit = fitContent(contacts, messengerLike, { channel: 'messenger' });
    expect(texts(fit.parts)).toEqual(['Ann\n+31 6 1234\nann@example.com']);
    expect(fit.degraded).toBe(true);
  });
});
