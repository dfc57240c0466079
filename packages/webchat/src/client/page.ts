import type { WebchatClientOptions } from './client-options.js';

/** What the client uses of the page it runs in; every part may be missing (a worker, Node, a test). */
export const page = globalThis as unknown as {
  addEventListener?: (type: string, fn: () => void) => void;
  removeEventListener?: (type: string, fn: () => void) => void;
  document?: Document;
  navigator?: Navigator;
  WebSocket?: WebchatClientOptions['WebSocket'];
};

/** Resolves after `ms`. */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether the page is visible (true where there is no document). */
export const pageVisible = (): boolean => page.document?.visibilityState !== 'hidden';

/** Listens to the page's `online`, `offline` and `visibilitychange`; answers the function that stops listening. */
export function listenToPage(on: { online(): void; offline(): void; visibility(): void }): () => void {
  const online = () => on.online();
  const offline = () => on.offline();
  const visibility = () => on.visibility();
  page.addEventListener?.('online', online);
  page.addEventListener?.('offline', offline);
  page.document?.addEventListener('visibilitychange', visibility);
  return () => {
    page.removeEventListener?.('online', online);
    page.removeEventListener?.('offline', offline);
    page.document?.removeEventListener('visibilitychange', visibility);
  };
}

/** Writes a debug line where the `debug` option says: a function of yours, or `console.debug` when true. */
export function debugLine(debug: boolean | ((line: string) => void) | undefined, line: string): void {
  if (typeof debug === 'function') debug(line);
  else if (debug) console.debug(`[loket] [webchat] ${line}`);
}
