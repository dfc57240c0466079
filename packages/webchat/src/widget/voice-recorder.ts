/** Records a voice note with MediaRecorder; `stop()` answers the recording as a File. */
export class VoiceRecorder {
  private recorder: MediaRecorder | undefined;
  private chunks: Blob[] = [];

  static get supported(): boolean {
    return typeof MediaRecorder !== 'undefined' && Boolean(globalThis.navigator?.mediaDevices?.getUserMedia);
  }

  get recording(): boolean {
    return this.recorder?.state === 'recording';
  }

  async start(): Promise<void> {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    this.chunks = [];
    this.recorder = new MediaRecorder(stream);
    this.recorder.ondataavailable = (e) => this.chunks.push(e.data);
    this.recorder.start();
  }

  stop(): Promise<File | undefined> {
    const recorder = this.recorder;
    if (!recorder) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      recorder.onstop = () => {
        for (const track of recorder.stream.getTracks()) track.stop();
        const type = recorder.mimeType || 'audio/webm';
        const ext = type.includes('ogg') ? 'ogg' : type.includes('mp4') ? 'm4a' : 'webm';
        resolve(new File(this.chunks, `voice-note.${ext}`, { type }));
        this.recorder = undefined;
      };
      recorder.stop();
    });
  }
}
