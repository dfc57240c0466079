/** What a gateway child process runs with (passed as JSON on its command line). */
export interface ChildConfig {
  store: { kind: 'sqlite'; path: string } | { kind: 'redis'; url: string; keyPrefix: string };
  /** Each handler sleeps this long before recording its event id. */
  handlerMs: number;
  /** Where the handler appends each handled event id, one a line. */
  handledFile: string;
  leaseMs?: number;
  concurrency?: number;
}
