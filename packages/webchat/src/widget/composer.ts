import { h } from './dom.js';
import { icon } from './icons.js';
import type { WidgetStrings } from './strings.js';
import { VoiceRecorder } from './voice-recorder.js';

/** What the composer asks of the element. */
export interface ComposerHost {
  sendText(text: string): void;
  sendFile(file: File, voice?: boolean): void;
  typing(): void;
}

/** The composer: one `form` with a labelled `textarea`, a submit button, a file picker and a voice recorder. */
export class Composer {
  readonly form: HTMLFormElement;
  readonly textarea: HTMLTextAreaElement;
  private readonly label: HTMLLabelElement;
  private readonly submit: HTMLButtonElement;
  private readonly attach: HTMLButtonElement;
  private readonly voice: HTMLButtonElement;
  private readonly recorder = new VoiceRecorder();

  constructor(
    private readonly host: ComposerHost,
    private strings: WidgetStrings,
  ) {
    this.textarea = h('textarea', { id: 'loket-composer', rows: '1', enterkeyhint: 'send', autocomplete: 'off' });
    this.label = h('label', { for: 'loket-composer', class: 'sr' });
    this.submit = h('button', { type: 'submit' });
    this.attach = h('button', { type: 'button', class: 'icon attach' }, icon('attach'));
    this.voice = h('button', { type: 'button', class: 'icon voice', hidden: !VoiceRecorder.supported }, icon('mic'));
    const picker = h('input', { type: 'file', hidden: true, multiple: true });
    this.form = h('form', {}, this.label, this.attach, picker, this.textarea, this.voice, this.submit);
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.send();
    });
    this.textarea.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        this.send();
      }
    });
    this.textarea.addEventListener('input', () => {
      this.grow();
      if (this.textarea.value.trim()) host.typing();
    });
    this.textarea.addEventListener('paste', (e) => {
      const files = [...(e.clipboardData?.files ?? [])];
      if (files.length === 0) return;
      e.preventDefault();
      for (const f of files) host.sendFile(f);
    });
    this.attach.addEventListener('click', () => picker.click());
    picker.addEventListener('change', () => {
      for (const f of picker.files ?? []) host.sendFile(f);
      picker.value = '';
    });
    this.voice.addEventListener('click', () => void this.toggleVoice());
    this.setStrings(strings);
  }

  setStrings(strings: WidgetStrings): void {
    this.strings = strings;
    this.label.textContent = strings.messageLabel;
    this.textarea.placeholder = strings.placeholder;
    this.submit.textContent = strings.send;
    this.attach.setAttribute('aria-label', strings.attach);
    this.voice.setAttribute('aria-label', this.recorder.recording ? strings.stopRecording : strings.recordVoice);
  }

  private send(): void {
    const text = this.textarea.value.trim();
    if (!text) return;
    this.host.sendText(text);
    this.textarea.value = '';
    this.grow();
    this.textarea.focus(); // keep typing after sending, on every device
  }

  private grow(): void {
    this.textarea.style.height = 'auto';
    this.textarea.style.height = `${Math.min(this.textarea.scrollHeight, 120)}px`;
  }

  private async toggleVoice(): Promise<void> {
    if (this.recorder.recording) {
      const file = await this.recorder.stop();
      if (file) this.host.sendFile(file, true);
    } else {
      await this.recorder.start();
    }
    this.voice.classList.toggle('rec', this.recorder.recording);
    this.voice.setAttribute('aria-pressed', String(this.recorder.recording));
    this.setStrings(this.strings);
  }
}
