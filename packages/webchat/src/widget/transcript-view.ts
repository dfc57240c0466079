import type { ChatMessage } from '../client/transcript.js';
import { h } from './dom.js';
import { type RenderContext, renderContent } from './render-content.js';
import type { WidgetStrings } from './strings.js';

/** What the transcript needs from the element. */
export interface TranscriptHost {
  context(): RenderContext;
  retry(key: string): void;
  discard(key: string): void;
}

const dayKey = (at: number) => new Date(at).toDateString();
const order = (m: ChatMessage) => m.seq ?? Number.MAX_SAFE_INTEGER;

/**
 * The `[role=log]` transcript: one element per message (`data-seq`, `data-author`, `data-state`), kept in seq
 * order with day separators, updated in place by key so a message never appears twice.
 */
export class TranscriptView {
  readonly el: HTMLElement;
  private readonly items = new Map<string, { message: ChatMessage; el: HTMLElement }>();

  constructor(
    private readonly host: TranscriptHost,
    label: string,
  ) {
    this.el = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': label, tabindex: '0' });
  }

  upsert(message: ChatMessage): void {
    const old = this.items.get(message.key);
    const el = this.render(message);
    if (old && old.message.seq === message.seq) {
      old.el.replaceWith(el);
      this.items.set(message.key, { message, el });
      return;
    }
    old?.el.remove();
    this.items.set(message.key, { message, el });
    const stick = this.el.scrollHeight - this.el.scrollTop - this.el.clientHeight < 60;
    const after = [...this.items.values()]
      .filter(
        (i) =>
          i.el !== el &&
          i.el.isConnected &&
          (order(i.message) > order(message) || (order(i.message) === order(message) && i.message.at > message.at)),
      )
      .sort((a, b) => order(a.message) - order(b.message))[0];
    this.el.insertBefore(el, after?.el ?? null);
    this.separators();
    if (stick || message.author.kind === 'customer') this.el.scrollTop = this.el.scrollHeight;
  }

  remove(key: string): void {
    this.items.get(key)?.el.remove();
    this.items.delete(key);
    this.separators();
  }

  clear(): void {
    for (const { el } of this.items.values()) el.remove();
    this.items.clear();
    this.separators();
  }

  /** Re-renders everything (the language changed). */
  refresh(): void {
    for (const item of [...this.items.values()]) this.upsert(item.message);
  }

  private render(m: ChatMessage): HTMLElement {
    const ctx = this.host.context();
    const s = ctx.strings;
    const time = new Date(m.at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    const meta = h('div', { class: 'meta' }, time);
    if (m.author.kind === 'customer') {
      meta.append(h('span', { class: 'state' }, s[m.state]));
      if (m.state === 'failed') {
        const retry = h('button', { type: 'button', class: 'retry' }, s.retry);
        retry.addEventListener('click', () => this.host.retry(m.key));
        const discard = h('button', { type: 'button', class: 'discard' }, s.discard);
        discard.addEventListener('click', () => this.host.discard(m.key));
        meta.append(retry, discard);
      }
    }
    return h(
      'div',
      {
        class: 'msg',
        'data-key': m.key,
        'data-seq': m.seq === undefined ? '' : String(m.seq),
        'data-author': m.author.kind,
        'data-state': m.state,
        'data-day': dayKey(m.at),
      },
      h('div', { class: 'bubble' }, renderContent(m.content, ctx)),
      reactionsOf(m),
      meta,
    );
  }

  /** One separator before the first message of each day. */
  private separators(): void {
    for (const sep of this.el.querySelectorAll('.day')) sep.remove();
    const s = this.host.context().strings;
    let day = '';
    for (const el of this.el.querySelectorAll<HTMLElement>('.msg')) {
      if (el.dataset.day === day) continue;
      day = el.dataset.day ?? '';
      el.before(h('div', { class: 'day', role: 'separator' }, dayLabel(day, s)));
    }
  }
}

function reactionsOf(m: ChatMessage): HTMLElement | null {
  const emoji = [m.reactions?.business, m.reactions?.customer].filter((e): e is string => Boolean(e));
  return emoji.length === 0
    ? null
    : h('div', { class: 'reactions', 'data-reactions': emoji.join(' ') }, emoji.join(' '));
}

function dayLabel(day: string, s: WidgetStrings): string {
  const today = new Date();
  if (day === today.toDateString()) return s.today;
  if (day === new Date(today.getTime() - 86_400_000).toDateString()) return s.yesterday;
  return new Date(day).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
}
