import { fileURLToPath } from 'node:url';

/**
 * The browser builds take only LoketError from @loket/core (everything else they import from it is types). They
 * bundle core's self-contained errors module instead of core's index, which would drag Node's undici into a
 * browser bundle. The copy is branded with Symbol.for, so LoketError.is() still recognises it.
 */
export const browserAlias = {
  '@loket/core': fileURLToPath(new URL('../../core/src/errors.ts', import.meta.url)),
};
