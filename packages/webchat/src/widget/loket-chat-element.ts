import { createWebchatClient, type WebchatClient } from '../client/client.js';
import type { GetToken } from '../client/client-options.js';
import type { StorageMode } from '../client/storage.js';
import { availabilityText } from './availability.js';
import { Composer } from './composer.js';
import { h } from './dom.js';
import { icon } from './icons.js';
import { type WidgetStrings, stringsFor } from './strings.js';
import { WIDGET_CSS } from './styles.js';
import { TranscriptView } from './transcript-view.js';

const TYPING_EXPIRES_MS = 8000;
const HTMLElementBase = (globalThis.HTMLElement ?? class {}) as typeof HTMLElement;

/**
 * `<loket-chat server="https://shop.example" lang="nl" storage="local">`: the web chat widget, in an open shadow
 * root. The transcript renders as soon as the element is in the page; `open()` only shows the panel.
 */
export class LoketChatElement extends HTMLElementBase {
  static observedAttributes = ['server', 'lang', 'storage', 'open'];
  /** A getToken that `Loket('identify')` set before any element was placed. */
  static pendingGetToken: GetToken | undefined;
  /** `Loket('open')` came before any element existed: the first one placed opens. */
  static openWhenPlaced = false;

  /** Overrides of the shipped strings (any subset). */
  strings: Partial<WidgetStrings> = {};
  private chat: WebchatClient | undefined;
  private getToken: GetToken | undefined;
  private s: WidgetStrings = stringsFor('en');
  private built = false;
  private isOpen = false;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;
  private unread = 0;
  private offs: (() => void)[] = [];
  private transcript!: TranscriptView;
  private composer!: Composer;
  private ui!: Record<
    | 'launcher'
    | 'badge'
    | 'panel'
    | 'title'
    | 'close'
    | 'status'
    | 'avail'
    | 'older'
    | 'typing'
    | 'progress'
    | 'notice',
    HTMLElement
  >;

  /** The headless client under the widget (undefined until the element is in the page). */
  get client(): WebchatClient | undefined {
    return this.chat;
  }

  connectedCallback(): void {
    if (!this.built) this.build();
    this.connect();
    if (LoketChatElement.openWhenPlaced) {
      LoketChatElement.openWhenPlaced = false;
      this.open();
    }
  }

  disconnectedCallback(): void {
    this.disconnect();
  }

  attributeChangedCallback(name: string, before: string | null, after: string | null): void {
    if (!this.built || before === after) return;
    if (name === 'lang') this.applyStrings();
    else if (name === 'open') this.setOpen(after !== null);
    else if (this.isConnected) {
      this.disconnect();
      this.transcript.clear();
      this.connect();
    }
  }

  /** Shows the panel and puts the focus in the composer. */
  open(): void {
    this.setOpen(true);
  }

  /** Hides the panel. */
  close(): void {
    this.setOpen(false);
  }

  /** Logout: forgets the credential, the outbox and the transcript, and starts over anonymously. */
  reset(): void {
    this.chat?.reset();
    this.getToken = undefined;
    LoketChatElement.pendingGetToken = undefined;
    this.transcript?.clear();
    if (this.isConnected) {
      this.disconnect();
      this.connect();
    }
  }

  /** Logs the customer in with the host's token callback (a short-lived JWT from the host's backend). */
  identify(options: { getToken: GetToken }): void {
    this.getToken = options.getToken;
    void this.chat?.identify(options.getToken).catch((err) => this.debug(`identify failed: ${err}`));
  }

  private build(): void {
    this.built = true;
    const root = this.attachShadow({ mode: 'open' });
    const ui = {
      launcher: h('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false' }, icon('chat')),
      badge: h('span', { class: 'badge', hidden: true, 'aria-hidden': 'true' }),
      panel: h('section', { class: 'panel', hidden: true }),
      title: h('h2', { id: 'loket-title' }),
      close: h('button', { type: 'button', class: 'close' }, icon('close')),
      status: h('div', { class: 'banner status', role: 'status', 'data-connection': 'connecting' }),
      avail: h('div', { class: 'banner avail', hidden: true }),
      older: h('button', { type: 'button', class: 'older', hidden: true }),
      typing: h('div', { class: 'typing', hidden: true }),
      progress: h('div', { class: 'progress', hidden: true }),
      notice: h('div', { class: 'banner notice', role: 'alert', hidden: true }),
    };
    this.ui = ui;
    this.transcript = new TranscriptView(
      {
        context: () => ({
          strings: this.s,
          server: this.server,
          choose: (id, title) => this.send({ type: 'choice', id, title }),
        }),
        retry: (key) => this.chat?.retry(key),
        discard: (key) => this.chat?.discard(key),
      },
      '',
    );
    this.composer = new Composer(
      {
        sendText: (text) => this.send({ type: 'text', text }),
        sendFile: (file, voice) => this.upload(file, voice),
        typing: () => this.chat?.typing(),
      },
      this.s,
    );
    ui.launcher.append(ui.badge);
    ui.panel.setAttribute('aria-labelledby', 'loket-title');
    ui.panel.append(
      h('header', {}, ui.title, ui.close),
      ui.status,
      ui.avail,
      ui.notice,
      ui.older,
      this.transcript.el,
      ui.typing,
      ui.progress,
      this.composer.form,
    );
    root.append(h('style', {}, WIDGET_CSS), ui.panel, ui.launcher);
    ui.launcher.addEventListener('click', () => this.setOpen(!this.isOpen));
    ui.close.addEventListener('click', () => this.setOpen(false));
    ui.older.addEventListener('click', () => void this.chat?.loadOlder().catch((err) => this.debug(String(err))));
    ui.panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        this.setOpen(false);
        ui.launcher.focus();
      }
    });
    this.dropZone(ui.panel);
    this.followViewport();
    this.applyStrings();
    if (this.hasAttribute('open')) this.setOpen(true);
  }

  private get server(): string {
    return (this.getAttribute('server') ?? '').replace(/\/+$/, '') || (globalThis.location?.origin ?? '');
  }

  private connect(): void {
    const storage = (this.getAttribute('storage') ?? 'local') as StorageMode;
    const chat = createWebchatClient({
      server: this.server,
      storage: ['local', 'session', 'none'].includes(storage) ? storage : 'local',
      getToken: this.getToken ?? LoketChatElement.pendingGetToken,
      debug: this.hasAttribute('debug'),
    });
    this.chat = chat;
    for (const m of chat.messages()) this.transcript.upsert(m);
    this.offs = [
      chat.on('message', (m) => this.transcript.upsert(m)),
      chat.on('remove', (key) => this.transcript.remove(key)),
      chat.on('reset', () => this.transcript.clear()),
      chat.on('connection', ({ state }) => this.showConnection(state)),
      chat.on('auth', () => this.showConnection(chat.connectionState.state)),
      chat.on('typing', (on) => this.showTyping(on)),
      chat.on('availability', (data) => {
        this.ui.avail.textContent = availabilityText(data, this.s);
        this.ui.avail.hidden = false;
      }),
      chat.on('history', ({ hasMore }) => {
        this.ui.older.hidden = !hasMore;
      }),
      chat.on('unread', (n) => this.showUnread(n)),
      chat.on('upload', ({ loaded, total }) => {
        this.ui.progress.hidden = loaded >= total;
        this.ui.progress.style.width = `${Math.round((loaded / Math.max(total, 1)) * 100)}%`;
      }),
    ];
    chat.setOpen(this.isOpen);
    chat.start().catch((err) => this.debug(`start failed: ${err}`));
  }

  private disconnect(): void {
    for (const off of this.offs.splice(0)) off();
    this.chat?.stop();
    this.chat = undefined;
  }

  private send(content: Parameters<WebchatClient['send']>[0]): void {
    const chat = this.chat;
    if (!chat) return;
    chat.send(content);
    if (!chat.conversation) void chat.start().catch((err) => this.debug(`start failed: ${err}`));
  }

  private upload(file: File, voice?: boolean): void {
    this.chat?.sendFile(file, { voice }).catch((err) => {
      this.ui.progress.hidden = true;
      this.notice(this.s.uploadFailed);
      this.debug(`upload failed: ${err}`);
    });
  }

  private setOpen(open: boolean): void {
    this.isOpen = open;
    this.ui.panel.hidden = !open;
    this.ui.launcher.setAttribute('aria-expanded', String(open));
    this.chat?.setOpen(open);
    this.showUnread(this.unread);
    if (open) {
      this.composer.textarea.focus();
      this.transcript.el.scrollTop = this.transcript.el.scrollHeight;
    }
    this.dispatchEvent(new CustomEvent(open ? 'loket-open' : 'loket-close'));
  }

  private showConnection(state: string): void {
    const signedOut = this.chat?.isSignedOut === true;
    this.ui.status.dataset.connection = state;
    this.ui.status.textContent = signedOut ? this.s.signedOut : this.s[state as 'online'];
    if (signedOut) this.ui.status.dataset.auth = 'signed-out';
    else delete this.ui.status.dataset.auth;
  }

  private showTyping(on: boolean): void {
    clearTimeout(this.typingTimer);
    this.ui.typing.hidden = !on;
    // Agent typing expires on its own: a lost "stopped" frame must not leave it on forever.
    if (on) this.typingTimer = setTimeout(() => this.showTyping(false), TYPING_EXPIRES_MS);
  }

  private showUnread(n: number): void {
    this.unread = n;
    this.ui.badge.textContent = String(n);
    this.ui.badge.hidden = n === 0 || this.isOpen;
    const label = this.isOpen ? this.s.closeChat : this.s.openChat;
    this.ui.launcher.setAttribute('aria-label', n > 0 && !this.isOpen ? `${label} (${n} ${this.s.unread})` : label);
  }

  private notice(text: string): void {
    clearTimeout(this.noticeTimer);
    this.ui.notice.textContent = text;
    this.ui.notice.hidden = false;
    this.noticeTimer = setTimeout(() => (this.ui.notice.hidden = true), 6000);
  }

  private applyStrings(): void {
    this.s = { ...stringsFor(this.getAttribute('lang') ?? document.documentElement.lang), ...this.strings };
    this.ui.title.textContent = this.s.title;
    this.ui.close.setAttribute('aria-label', this.s.closeChat);
    this.ui.older.textContent = this.s.loadOlder;
    this.ui.typing.textContent = this.s.typing;
    this.transcript.el.setAttribute('aria-label', this.s.title);
    this.composer.setStrings(this.s);
    this.showConnection(this.ui.status.dataset.connection ?? 'connecting');
    this.showUnread(this.unread);
    this.transcript.refresh();
  }

  private dropZone(panel: HTMLElement): void {
    panel.addEventListener('dragover', (e) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      panel.classList.add('drop');
    });
    panel.addEventListener('dragleave', () => panel.classList.remove('drop'));
    panel.addEventListener('drop', (e) => {
      panel.classList.remove('drop');
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      e.preventDefault();
      for (const f of files) this.upload(f);
    });
  }

  /** On phones the keyboard shrinks the visual viewport: the panel follows it, so the composer stays above it. */
  private followViewport(): void {
    const vv = globalThis.visualViewport;
    if (!vv) return;
    const fit = () => this.style.setProperty('--loket-vh', `${Math.round(vv.height)}px`);
    vv.addEventListener('resize', fit);
    fit();
  }

  private debug(line: string): void {
    if (this.hasAttribute('debug')) console.debug(`[loket] [webchat] ${line}`);
  }
}
