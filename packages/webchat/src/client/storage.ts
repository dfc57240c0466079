/** Where the client keeps its credential and outbox: the browser's local or session storage, or nothing. */
export type StorageMode = 'local' | 'session' | 'none';

/** The part of the Web Storage API the client uses; pass your own to keep state elsewhere. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The storage key prefix for one server; the loader reads `<prefix>credential` to know a conversation exists. */
export function storagePrefix(server: string): string {
  return `loket.webchat:${server}:`;
}

/**
 * The client's persistence. Nothing is written before {@link PersistentState.allowWrites} (cookie-banner rules:
 * no storage before the customer interacts); a storage that throws (Safari private mode, quota) turns into memory
 * only, said once in the debug log.
 */
export class PersistentState {
  private readonly memory = new Map<string, string>();
  private writable = false;
  private broken = false;

  constructor(
    private readonly backend: StorageLike | undefined,
    private readonly prefix: string,
    private readonly debug: (message: string) => void,
  ) {}

  /** Whether the storage already holds state from an earlier visit (then writing is allowed at once). */
  get hasStoredState(): boolean {
    return this.read('credential') !== null || this.read('outbox') !== null;
  }

  /** The customer interacted: from now on state is persisted. */
  allowWrites(): void {
    if (this.writable) return;
    this.writable = true;
    for (const [key, value] of this.memory) this.persist(key, value);
  }

  get(key: string): string | null {
    return this.memory.get(key) ?? this.read(key);
  }

  set(key: string, value: string): void {
    this.memory.set(key, value);
    if (this.writable) this.persist(key, value);
  }

  delete(key: string): void {
    this.memory.delete(key);
    try {
      this.backend?.removeItem(this.prefix + key);
    } catch (err) {
      this.fail(err);
    }
  }

  private read(key: string): string | null {
    if (!this.backend || this.broken) return null;
    try {
      return this.backend.getItem(this.prefix + key);
    } catch (err) {
      this.fail(err);
      return null;
    }
  }

  private persist(key: string, value: string): void {
    if (!this.backend || this.broken) return;
    try {
      this.backend.setItem(this.prefix + key, value);
    } catch (err) {
      this.fail(err);
    }
  }

  private fail(err: unknown): void {
    if (this.broken) return;
    this.broken = true;
    this.debug(`storage is unavailable, working without persistence: ${err instanceof Error ? err.message : err}`);
  }
}

/** The browser storage for a mode; undefined for `none` or where there is none (Node, sandboxed frames). */
export function browserStorage(mode: StorageMode): StorageLike | undefined {
  if (mode === 'none') return undefined;
  try {
    const g = globalThis as { localStorage?: StorageLike; sessionStorage?: StorageLike };
    return mode === 'session' ? g.sessionStorage : g.localStorage;
  } catch {
    // Reading localStorage itself throws when cookies are blocked.
    return undefined;
  }
}
