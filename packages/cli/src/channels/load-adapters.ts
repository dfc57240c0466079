import type { ChannelAdapter } from '@loket/core';
import { LoketError, loketMessage } from '@loket/core';
import type { ChannelSetting } from '../config/channel-settings.js';
import type { KnownChannel } from './known-channels.js';

/** Imports a package by name; tests pass their own. */
export type Importer = (packageName: string) => Promise<unknown>;

/** The default: a real dynamic import, so a channel package that is not installed is simply not there. */
export const dynamicImport: Importer = (name) => import(name);

/** A channel package found: its factory, ready to be called. */
export interface LoadedChannel {
  known: KnownChannel;
  create(options: Record<string, unknown>): ChannelAdapter;
}

function isMissing(err: unknown, name: string): boolean {
  const code = (err as { code?: unknown }).code;
  const text = err instanceof Error ? err.message : '';
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && text.includes(name);
}

/**
 * Loads every known channel package that is installed. A missing package is skipped; a package that is there but
 * fails to load, or lacks its factory, is an error (it would otherwise vanish from the dev server unexplained).
 */
export async function loadChannels(known: readonly KnownChannel[], importer = dynamicImport): Promise<LoadedChannel[]> {
  const loaded: LoadedChannel[] = [];
  for (const k of known) {
    let module: unknown;
    try {
      module = await importer(k.packageName);
    } catch (err) {
      if (isMissing(err, k.packageName)) continue;
      throw new LoketError(
        'CONFIG',
        loketMessage('cli', `${k.packageName} is installed but failed to load: reinstall it`),
        {
          cause: err,
          channel: k.channel,
        },
      );
    }
    const factory = (module as Record<string, unknown>)[k.factory];
    if (typeof factory !== 'function') {
      throw new LoketError('CONFIG', loketMessage('cli', `${k.packageName} has no ${k.factory}() export: update it`), {
        channel: k.channel,
      });
    }
    loaded.push({ known: k, create: (options) => (factory as (o: unknown) => ChannelAdapter)(options) });
  }
  return loaded;
}

/** Builds the adapter for one setting; an emulated channel talks to `emulatorUrl`. */
export function createAdapter(channel: LoadedChannel, setting: ChannelSetting, emulatorUrl: string): ChannelAdapter {
  const options = setting.mode === 'emulated' ? { ...setting.options, apiBaseUrl: emulatorUrl } : setting.options;
  return channel.create(options);
}
