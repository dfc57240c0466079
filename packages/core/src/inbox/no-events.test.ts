import { afterEach, describe, expect, it } from 'vitest';
import { eventually, type Harness, harness } from '../test-support/test-harness.js';

describe('an accepted request that parses to no events', () => {
  let h: Harness;
  afterEach(() => h.gateway.close());

  it('ends as a dead letter (raw kept, replayable), never acknowledged into nothing', async () => {
    h = harness();
    await h.gateway.start();
    await h.post([]);
    const [letter] = await eventually(async () => {
      const letters = await h.gateway.deadLetters();
      expect(letters).toHaveLength(1);
      return letters;
    });
    expect(letter?.error).toMatch(/no events/);
    expect(new TextDecoder().decode(letter?.request.body)).toBe('{"account":"acc","events":[]}');
    expect((await h.store.inbox.stats()).pending).toBe(0);
  });
});
