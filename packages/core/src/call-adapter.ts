import type { ChannelAdapter } from './adapter.js';
import { LoketError, type LoketErrorCode, loketMessage } from './errors.js';
import type { Logger } from './logger.js';

const logged = new WeakSet<object>();

/** Logs an error unless it was logged before, so one failure makes one log line however far it travels. */
export function logOnce(
  logger: Logger,
  level: 'warn' | 'error',
  err: unknown,
  msg: string,
  extra: Record<string, unknown> = {},
): void {
  if (typeof err === 'object' && err !== null) {
    if (logged.has(err)) return;
    logged.add(err);
  }
  logger[level]({ ...extra, err }, msg);
}

/** The adapter methods the core calls. */
export type AdapterStep = 'handshake' | 'verify' | 'parse' | 'send';

/**
 * Calls an adapter method so that whatever it throws comes out as a LoketError, logged once: an adapter's own
 * LoketError as a warning, anything else (an adapter bug) as an error wrapped with `fallback`.
 */
export async function callAdapter<T>(
  adapter: ChannelAdapter,
  step: AdapterStep,
  run: () => T | Promise<T>,
  fallback: LoketErrorCode,
  logger: Logger,
): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const error = adapterError(adapter, step, err, fallback);
    logOnce(logger, error === err ? 'warn' : 'error', error, `${adapter.channel} ${step} failed`, {
      channel: adapter.channel,
      step,
    });
    throw error;
  }
}

/** What an adapter threw, as a LoketError: its own passes through, anything else is wrapped with `fallback`. */
export function adapterError(
  adapter: ChannelAdapter,
  step: AdapterStep,
  err: unknown,
  fallback: LoketErrorCode,
): LoketError {
  if (LoketError.is(err)) return err;
  const text = err instanceof Error ? err.message : String(err);
  return new LoketError(fallback, loketMessage(adapter.channel, `${step} failed: ${text}`), {
    channel: adapter.channel,
    cause: err,
  });
}
