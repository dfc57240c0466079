import { describe, expect, it } from 'vitest';
import { KNOWN_CHANNELS } from './known-channels.js';
import { loadChannels } from './load-adapters.js';

const notFound = (name: string) =>
  Object.assign(new Error(`Cannot find package '${name}' imported from x`), { code: 'ERR_MODULE_NOT_FOUND' });

describe('loadChannels', () => {
  it('loads the installed channel packages and skips the absent ones', async () => {
    const factory = () => ({ channel: 'whatsapp' });
    const loaded = await loadChannels(KNOWN_CHANNELS, async (name) => {
      if (name === '@loket/whatsapp') return { whatsapp: factory };
      throw notFound(name);
    });
    expect(loaded.map((c) => c.known.channel)).toEqual(['whatsapp']);
    expect(loaded[0]?.create({})).toEqual({ channel: 'whatsapp' });
  });

  it('picks up messenger, instagram and twitter-dm when they are installed', async () => {
    const loaded = await loadChannels(KNOWN_CHANNELS, async (name) => ({
      [KNOWN_CHANNELS.find((k) => k.packageName === name)?.factory ?? '']: () => ({}),
    }));
    expect(loaded.map((c) => c.known.channel)).toEqual(['whatsapp', 'messenger', 'instagram', 'twitter-dm']);
  });

  it('fails loudly when a package is there but broken, or lacks its factory', async () => {
    await expect(
      loadChannels(KNOWN_CHANNELS, async () => {
        throw new SyntaxError('Unexpected token');
      }),
    ).rejects.toMatchObject({
      code: 'CONFIG',
      message: expect.stringContaining('@loket/whatsapp is installed but failed to load'),
    });
    await expect(loadChannels(KNOWN_CHANNELS, async () => ({}))).rejects.toMatchObject({
      code: 'CONFIG',
      message: expect.stringContaining('@loket/whatsapp has no whatsapp() export'),
    });
  });

  it('finds the real @loket/whatsapp through a dynamic import', async () => {
    const loaded = await loadChannels(KNOWN_CHANNELS.slice(0, 1));
    expect(loaded).toHaveLength(1);
  });
});
