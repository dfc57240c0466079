import type { GetToken } from '../client/client-options.js';
import { LoketChatElement } from './loket-chat-element.js';

/** The commands of the loader's queue: `Loket('open')`, `Loket('identify', { getToken })`, ... */
export type LoketCommand = 'open' | 'close' | 'reset' | 'identify';

/** `window.Loket`: a function that runs one command; `q` is what the loader queued before widget.js arrived. */
export interface LoketGlobal {
  (command: LoketCommand, arg?: { getToken: GetToken }): void;
  q?: ArrayLike<unknown>[];
  /** The gateway for an element widget.js creates when the page has none (set by the loader). */
  server?: string;
}

function elements(server?: string): LoketChatElement[] {
  const all = [...document.querySelectorAll('loket-chat')];
  const found = all.filter((el): el is LoketChatElement => el instanceof LoketChatElement);
  if (all.length > 0 || !server) return found;
  const el = document.createElement('loket-chat') as LoketChatElement;
  el.setAttribute('server', server);
  document.body.append(el);
  return [el];
}

/** Runs one command against every `<loket-chat>` of the page, or remembers it for the first one placed later. */
export function runCommand(command: LoketCommand, arg?: { getToken: GetToken }, server?: string): void {
  const list = elements(server);
  if (command === 'identify' && arg?.getToken) {
    LoketChatElement.pendingGetToken = arg.getToken;
    for (const el of list) el.identify(arg);
  } else if (command === 'open') {
    LoketChatElement.openWhenPlaced = list.length === 0;
    for (const el of list) el.open();
  } else if (command === 'close') {
    LoketChatElement.openWhenPlaced = false;
    for (const el of list) el.close();
  } else if (command === 'reset') {
    LoketChatElement.pendingGetToken = undefined;
    for (const el of list) el.reset();
  } else {
    console.warn(`[loket] [webchat] unknown command ${String(command)}: use open, close, reset or identify`);
  }
}

/** Installs `window.Loket` and runs what the loader queued, in order. */
export function installLoket(win: { Loket?: LoketGlobal }): LoketGlobal {
  const previous = win.Loket;
  const server = previous?.server;
  const api: LoketGlobal = (command, arg) => runCommand(command, arg, server);
  api.server = server;
  api.q = [];
  win.Loket = api;
  for (const args of Array.from(previous?.q ?? [])) {
    const [command, arg] = Array.from(args) as [LoketCommand, { getToken: GetToken } | undefined];
    runCommand(command, arg, server);
  }
  return api;
}
