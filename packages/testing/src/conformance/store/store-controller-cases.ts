import { describe, expect, it } from 'vitest';
import { REF, type StoreCaseContext } from './store-suite-context.js';

/** Who answers a conversation: recorded per conversation and read back with its state. */
export function controllerCases(ctx: StoreCaseContext): void {
  const conversations = () => ctx.store.conversations;
  const setController: ReturnType<typeof conversations>['setController'] = (ref, controller) =>
    conversations().setController(ref, controller);

  describe('conversation controller', () => {
    it('is absent until set, then read back with the rest of the state', async () => {
      await conversations().recordInbound(REF, 1000);
      expect((await conversations().get(REF))?.controller).toBeUndefined();
      await setController(REF, { by: 'human', at: 2000, reason: 'asked for a person' });
      const state = await conversations().get(REF);
      expect(state?.controller).toEqual({ by: 'human', at: 2000, reason: 'asked for a person' });
      expect(state?.lastInboundAt).toBe(1000);
      await setController(REF, { by: 'bot', at: 3000 });
      expect((await conversations().get(REF))?.controller).toEqual({ by: 'bot', at: 3000 });
    });

    it('creates the conversation state when it is the first thing known', async () => {
      await setController(REF, { by: 'human', at: 5 });
      expect(await conversations().get(REF)).toMatchObject({
        ref: REF,
        consent: {},
        controller: { by: 'human', at: 5 },
      });
    });
  });
}
