import { LoketError, loketMessage } from '../errors.js';
import type { Store } from '../store/store.js';

/** What a store call failed with, as a LoketError: `NETWORK`, retryable, the driver's code kept in `platformCode`. */
export function storeError(err: unknown, what: string): LoketError {
  if (LoketError.is(err)) return err;
  const code = (err as { code?: unknown } | null)?.code;
  const text = err instanceof Error ? err.message : String(err);
  return new LoketError('NETWORK', loketMessage('store', `${what} failed: ${text}`), {
    channel: 'store',
    retryable: true,
    ...(typeof code === 'string' || typeof code === 'number' ? { platformCode: code } : {}),
    details: { store: what },
    cause: err,
  });
}

/** Sees every store call that succeeded: its name (`store.dedupe.claim`), arguments and result. */
export type StoreTap = (what: string, args: unknown[], result: unknown) => void;

function guardMethod(fn: (...args: unknown[]) => unknown, self: object, what: string, tap?: StoreTap) {
  return (...args: unknown[]): unknown => {
    let result: unknown;
    try {
      result = fn.apply(self, args);
    } catch (err) {
      throw storeError(err, what);
    }
    if (result instanceof Promise) {
      return result.then(
        (value: unknown) => {
          tap?.(what, args, value);
          return value;
        },
        (err: unknown) => Promise.reject(storeError(err, what)),
      );
    }
    tap?.(what, args, result);
    return result;
  };
}

function guardPart<T extends object>(part: T, path: string, cache: WeakMap<object, unknown>, tap?: StoreTap): T {
  const known = cache.get(part);
  if (known) return known as T;
  const proxy = new Proxy(part, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string') return value;
      const what = `${path}.${prop}`;
      if (typeof value === 'function') return guardMethod(value as (...args: unknown[]) => unknown, target, what, tap);
      if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value)) {
        return guardPart(value as object, what, cache, tap);
      }
      return value;
    },
  });
  cache.set(part, proxy);
  return proxy;
}

/**
 * The store as the gateway uses it: whatever a driver throws (`SQLITE_BUSY`, a Redis connection that is down)
 * comes out as a LoketError `NETWORK` (retryable, the driver's code in `platformCode`), never as a raw driver
 * error, on every path that reaches a caller (`send`, `enqueueSend`, `consent`, `deadLetters`, `health`, ...).
 */
export function guardStore(store: Store, tap?: StoreTap): Store {
  return guardPart(store, 'store', new WeakMap(), tap);
}
