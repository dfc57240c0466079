/** Which store a gateway child (and the test's observer) opens. */
export type StoreSpec =
  | { kind: 'sqlite'; path: string }
  | { kind: 'redis'; url: string; keyPrefix: string }
  | { kind: 'postgres'; url: string; schema: string };

/** What a gateway child process runs with (passed as JSON on its command line). */
export interface ChildConfig {
  store: StoreSpec;
  /** Each handler sleeps this long before recording its event id. */
  handlerMs: number;
  /** Where the handler appends each handled event id, one a line. */
  handledFile: string;
  leaseMs?: number;
  concurrency?: number;
  /** Inbox poll interval (default 50 ms). */
  pollMs?: number;
}
