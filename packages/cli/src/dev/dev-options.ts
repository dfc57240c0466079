import type { LoketConfig } from '../config/config-schema.js';
import type { Importer } from '../channels/load-adapters.js';
import type { DevStoreKind } from './open-store.js';

/** Options of `startDev`. */
export interface DevOptions {
  /** Default 3000; 0 picks a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default `sqlite` (in `dataDir`), falling back to memory when SQLite is not available; or a `postgres://` URL. */
  store?: DevStoreKind;
  /** Default `.loket` under `cwd`. */
  dataDir?: string;
  /** The public URL platforms reach (printed webhook URLs use it). */
  publicUrl?: string;
  /** Echo customer texts on emulated channels. Default true (never on real channels). */
  echo?: boolean;
  /** The loaded `loket.config.*`. */
  config?: LoketConfig;
  /** Environment (credentials); default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
  /** Milliseconds between the emulator's sent / delivered / read callbacks. Default 400. */
  statusDelayMs?: number;
  /** How channel and store packages are imported (tests pass their own). */
  importer?: Importer;
  /** The clock. Default `Date.now`. */
  now?: () => number;
}
