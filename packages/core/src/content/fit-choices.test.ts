import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../model/capabilities.js';
import type { Content } from '../model/content.js';
import { fitContent } from './fit-content.js';
import { messengerLike, textOnly, waLike } from '../test-support/test-capabilities.js';

const replies = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `opt-${i + 1}`, title: `Option ${i + 1}` }));
const buttons = (n: number): Content => ({ type: 'buttons', text: 'Pick one', buttons: replies(n) });
const list = (rows: number): Content => ({
  type: 'list',
  text: 'Pick one',
  button: 'Menu',
  sections: [{ title: 'Things', rows: replies(rows).map((r) => ({ ...r, description: `about ${r.id}` })) }],
});
const instagramLike: Capabilities = {
  ...textOnly,
  text: { maxLength: 1000, unit: 'bytes' },
  quickReplies: { max: 1, titleMax: 20 },
};

describe('fitContent: buttons', () => {
  it('sends buttons that fit as they are', () => {
    const fit = fitContent(buttons(3), waLike, { channel: 'whatsapp', strict: true });
    expect(fit).toEqual({ parts: [buttons(3)], degraded: false });
  });

  it('turns 4 buttons on WhatsApp into a list', () => {
    const fit = fitContent(buttons(4), waLike, { channel: 'whatsapp' });
    expect(fit.degraded).toBe(true);
    expect(fit.parts).toEqual([
      { type: 'list', text: 'Pick one', button: 'Options', sections: [{ rows: replies(4) }] },
    ]);
  });

  it('turns 4 buttons on Messenger into quick replies', () => {
    const fit = fitContent(buttons(4), messengerLike, { channel: 'messenger' });
    expect(fit.parts).toEqual([{ type: 'buttons', style: 'quickReplies', text: 'Pick one', buttons: replies(4) }]);
    expect(fit.degraded).toBe(true);
  });

  it('refuses too many buttons with CONTENT_LIMIT when strict', () => {
    expect(() => fitContent(buttons(4), waLike, { channel: 'whatsapp', strict: true })).toThrow(
      expect.objectContaining({ code: 'CONTENT_LIMIT', message: expect.stringContaining('4 buttons, at most 3') }),
    );
  });

  it('refuses buttons on a channel without any with UNSUPPORTED_CONTENT when strict', () => {
    expect(() => fitContent(buttons(2), textOnly, { channel: 'x', strict: true })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_CONTENT' }),
    );
  });

  it('falls back to numbered text with pending choices', () => {
    const fit = fitContent(
      buttons(2),
      { ...textOnly, text: { maxLength: 500, unit: 'chars' } },
      { channel: 'x', now: 42 },
    );
    expect(fit.parts).toEqual([{ type: 'text', text: 'Pick one\n\n1. Option 1\n2. Option 2' }]);
    expect(fit.pendingChoices).toEqual({
      options: [
        { number: '1', id: 'opt-1', title: 'Option 1' },
        { number: '2', id: 'opt-2', title: 'Option 2' },
      ],
      at: 42,
    });
    expect(fit.degraded).toBe(true);
  });

  it('falls back to numbered text when there are more buttons than a list holds', () => {
    const fit = fitContent(buttons(11), waLike, { channel: 'whatsapp' });
    expect(fit.parts).toHaveLength(1);
    expect(fit.parts[0]).toMatchObject({ type: 'text', text: expect.stringContaining('11. Option 11') });
    expect(fit.pendingChoices?.options).toHaveLength(11);
  });

  it('truncates long titles with an ellipsis, or refuses when strict', () => {
    const content: Content = {
      type: 'buttons',
      text: 'Pick',
      buttons: [{ id: 'a', title: 'A title far too long for it' }],
    };
    const fit = fitContent(content, waLike, { channel: 'whatsapp' });
    expect(fit.parts).toEqual([
      { type: 'buttons', text: 'Pick', buttons: [{ id: 'a', title: 'A title far too lon…' }] },
    ]);
    expect(fit.degraded).toBe(true);
    expect(() => fitContent(content, waLike, { channel: 'whatsapp', strict: true })).toThrow(
      expect.objectContaining({ code: 'CONTENT_LIMIT', message: expect.stringContaining('button title') }),
    );
  });

  it('sends a body over the button text limit ahead as text, keeping the last part as the body', () => {
    const caps = { ...waLike, buttons: { ...waLike.buttons!, textMax: 10 } };
    const content: Content = { type: 'buttons', text: 'Hello there, pick one', buttons: replies(2) };
    const fit = fitContent(content, caps, { channel: 'whatsapp' });
    expect(fit.parts).toEqual([
      { type: 'text', text: 'Hello there,' },
      { type: 'buttons', text: 'pick one', buttons: replies(2) },
    ]);
    expect(fit.degraded).toBe(true);
  });

  it('turns link buttons the channel cannot mix into cards, else text with links', () => {
    const content: Content = {
      type: 'buttons',
      text: 'Where to?',
      buttons: [
        { id: 'human', title: 'Talk to us' },
        { url: 'https://example.com/a', title: 'Site A' },
        { url: 'https://example.com/b', title: 'Site B' },
        { url: 'https://example.com/c', title: 'Site C' },
      ],
    };
    const cards = fitContent(content, messengerLike, { channel: 'messenger' });
    expect(cards.parts).toEqual([
      {
        type: 'cards',
        cards: [
          { title: 'Where to?', buttons: content.buttons.slice(0, 3) },
          { title: 'Where to?', buttons: content.buttons.slice(3) },
        ],
      },
    ]);
    const text = fitContent(content, waLike, { channel: 'whatsapp' });
    expect(text.parts).toEqual([
      {
        type: 'text',
        text: 'Where to?\n\n1. Talk to us\nSite A: https://example.com/a\nSite B: https://example.com/b\nSite C: https://example.com/c',
      },
    ]);
    expect(text.pendingChoices?.options).toEqual([{ number: '1', id: 'human', title: 'Talk to us' }]);
  });

  it('sends one link button where the channel allows one, unmixed', () => {
    const content: Content = {
      type: 'buttons',
      text: 'Track',
      buttons: [{ url: 'https://example.com/t', title: 'Track' }],
    };
    expect(fitContent(content, waLike, { channel: 'whatsapp', strict: true }).parts).toEqual([content]);
  });

  it('honours style quickReplies, and degrades it where quick replies do not exist', () => {
    const quick: Content = { type: 'buttons', style: 'quickReplies', text: 'Pick', buttons: replies(2) };
    expect(fitContent(quick, messengerLike, { channel: 'messenger', strict: true }).parts).toEqual([quick]);
    const onWa = fitContent(quick, waLike, { channel: 'whatsapp' });
    expect(onWa.parts).toEqual([{ type: 'buttons', text: 'Pick', buttons: replies(2) }]);
    expect(onWa.degraded).toBe(true);
  });
});

describe('fitContent: list', () => {
  it('sends a list that fits as it is', () => {
    expect(fitContent(list(10), waLike, { channel: 'whatsapp', strict: true })).toEqual({
      parts: [list(10)],
      degraded: false,
    });
  });

  it('turns a list on Messenger into quick replies (descriptions dropped)', () => {
    const fit = fitContent(list(3), messengerLike, { channel: 'messenger' });
    expect(fit.parts).toEqual([{ type: 'buttons', style: 'quickReplies', text: 'Pick one', buttons: replies(3) }]);
    expect(fit.degraded).toBe(true);
  });

  it('refuses a list without list support when strict', () => {
    expect(() => fitContent(list(3), messengerLike, { channel: 'messenger', strict: true })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_CONTENT', message: expect.stringContaining('no list') }),
    );
  });

  it('turns a list with more rows than quick replies into numbered text with sections and descriptions', () => {
    const content: Content = {
      type: 'list',
      text: 'Menu',
      button: 'Open',
      sections: [
        { title: 'Drinks', rows: [{ id: 'tea', title: 'Tea', description: 'hot' }] },
        { title: 'Food', rows: [{ id: 'pie', title: 'Pie' }] },
      ],
    };
    const fit = fitContent(content, instagramLike, { channel: 'instagram', now: 1 });
    expect(fit.parts).toEqual([{ type: 'text', text: 'Menu\n\nDrinks\n1. Tea – hot\n\nFood\n2. Pie' }]);
    expect(fit.pendingChoices?.options.map((o) => o.id)).toEqual(['tea', 'pie']);
  });

  it('truncates long row titles and descriptions', () => {
    const content: Content = {
      type: 'list',
      text: 'Menu',
      button: 'Open',
      sections: [{ rows: [{ id: 'a', title: 'x'.repeat(30), description: 'y'.repeat(80) }] }],
    };
    const fit = fitContent(content, waLike, { channel: 'whatsapp' });
    const row = fit.parts[0]?.type === 'list' ? fit.parts[0].sections[0]?.rows[0] : undefined;
    expect(row?.title).toBe(`${'x'.repeat(23)}…`);
    expect(row?.description).toBe(`${'y'.repeat(71)}…`);
    expect(fit.degraded).toBe(true);
  });
});
