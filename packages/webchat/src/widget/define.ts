import { LoketChatElement } from './loket-chat-element.js';

/** Registers `<loket-chat>` (once; a second call, or a page that already has it, is a no-op). */
export function defineLoketChat(name = 'loket-chat'): typeof LoketChatElement {
  const registry = globalThis.customElements;
  if (registry && !registry.get(name)) registry.define(name, LoketChatElement);
  return LoketChatElement;
}
