import { describe, expect, it, vi } from 'vitest';
import { LoketError } from '../errors.js';
import { memoryStore } from '../store/memory-store.js';
import { createGateway } from './create-gateway.js';
import { resolveGatewayOptions } from './gateway-options.js';
import type { GatewayOptions } from './gateway-types.js';
import { testAdapter } from '../test-support/test-adapter.js';

function configError(options: unknown): LoketError {
  try {
    createGateway(options as GatewayOptions);
  } catch (err) {
    if (LoketError.is(err)) return err;
    throw err;
  }
  throw new Error('expected createGateway to throw');
}

describe('createGateway options', () => {
  it.each([
    [{ channels: [] }, 'channels'],
    [{}, 'channels'],
    [{ channels: [{ channel: 'webchat' }] }, 'channels.0'],
    [{ channels: [testAdapter(), testAdapter()] }, 'webchat twice'],
    [{ channels: [testAdapter()], basePath: 'hooks' }, 'basePath'],
    [{ channels: [testAdapter()], maxBodyBytes: 0 }, 'maxBodyBytes'],
    [{ channels: [testAdapter()], worker: { concurrency: 0 } }, 'worker.concurrency'],
    [{ channels: [testAdapter()], worker: { retry: { attempts: 1.5 } } }, 'worker.retry.attempts'],
    [{ channels: [testAdapter()], store: {} }, 'store'],
    [{ channels: [testAdapter()], logger: console.log }, 'logger'],
    [{ channels: [testAdapter()], stopWords: 'stop' }, 'stopWords'],
    [{ channels: [testAdapter()], basepath: '/x' }, 'unknown option basepath'],
  ])('refuses %j with CONFIG naming %s', (options, name) => {
    const err = configError(options);
    expect(err.code).toBe('CONFIG');
    expect(err.message).toContain(name);
    expect(err.message).toMatch(/^\[loket\] \[gateway\]/);
  });

  it('accepts good options and exposes the adapters by channel', async () => {
    const adapter = testAdapter();
    const gateway = createGateway({ channels: [adapter], basePath: '/api', worker: { concurrency: 2 } });
    expect(gateway.adapters.get('webchat')).toBe(adapter);
    expect(gateway.store.name).toBe('memory');
    await gateway.close();
  });

  it('closes the store it created, not one passed in', async () => {
    let closed = 0;
    const store = {
      ...memoryStore(),
      close: async () => {
        closed += 1;
      },
    };
    await createGateway({ channels: [testAdapter()], store }).close();
    expect(closed).toBe(0);
    const owned = createGateway({ channels: [testAdapter()] });
    const close = vi.spyOn(owned.store, 'close');
    await owned.close();
    await owned.close();
    expect(close).toHaveBeenCalledTimes(1);
  });
});

describe('the default logger', () => {
  it('writes warnings and errors to stderr, redacted, and nothing below; logger: false writes nothing', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { logger } = resolveGatewayOptions({ channels: [testAdapter()] });
      logger.debug({ n: 0 }, '[loket] quiet');
      logger.info({ n: 0 }, '[loket] quiet');
      logger.warn({ token: 'EAAsecret', n: 1 }, '[loket] a warning');
      logger.error({}, '[loket] an error');
      expect(spy.mock.calls).toEqual([
        ['warn: [loket] a warning {"token":"[redacted]","n":1}'],
        ['error: [loket] an error'],
      ]);
      spy.mockClear();
      resolveGatewayOptions({ channels: [testAdapter()], logger: false }).logger.error({}, '[loket] hidden');
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});
