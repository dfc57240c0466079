import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../model/capabilities.js';
import { fitContent } from './fit-content.js';
import { matchNumberedChoice } from './numbered-choice.js';
import { textOnly } from '../test-support/test-capabilities.js';

const caps: Capabilities = { ...textOnly, text: { maxLength: 1000, unit: 'chars' } };
const { pendingChoices } = fitContent(
  {
    type: 'buttons',
    text: 'How can we help?',
    buttons: [
      { id: 'status', title: 'Order status' },
      { id: 'human', title: 'Talk to a human' },
    ],
  },
  caps,
  { channel: 'x', now: 0 },
);
const pending = pendingChoices!;

describe('matchNumberedChoice', () => {
  it.each(['2', '2.', ' 2 ', '#2', '2)', '２'])('matches %j to the second option', (answer) => {
    expect(matchNumberedChoice(answer, pending)).toEqual({ id: 'human', title: 'Talk to a human' });
  });

  it('matches an exact title, case- and space-insensitive', () => {
    expect(matchNumberedChoice('  order STATUS ', pending)).toEqual({ id: 'status', title: 'Order status' });
  });

  it.each(['3', '0', '12', 'status', 'I want 2', ''])('matches nothing for %j', (answer) => {
    expect(matchNumberedChoice(answer, pending)).toBeUndefined();
  });

  it('matches no title that two options share', () => {
    const twice = {
      options: [
        { number: '1', id: 'a', title: 'Buy' },
        { number: '2', id: 'b', title: 'Buy' },
      ],
      at: 0,
    };
    expect(matchNumberedChoice('buy', twice)).toBeUndefined();
    expect(matchNumberedChoice('2', twice)).toEqual({ id: 'b', title: 'Buy' });
  });
});
