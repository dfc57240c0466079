// Load generator: fan-out latency of the measured agent messages, as they arrive.
import { readStamp, wallNow } from './protocol.js';

/** Collects receive − send times of measured (`m`) agent messages once `start` is called. */
export interface LatencyRecorder {
  onText(text: string): void;
  start(): void;
  readonly samples: number[];
}

/** A recorder; every frame is parsed (measured or not) so the client does the same work in every phase. */
export function latencyRecorder(): LatencyRecorder {
  let recording = false;
  const samples: number[] = [];
  return {
    onText(text) {
      const now = wallNow();
      const frame = JSON.parse(text) as { t?: string; e?: { data?: { content?: { text?: unknown } } } };
      if (frame.t !== 'event') return;
      const stamp = readStamp(frame.e?.data?.content?.text);
      if (recording && stamp?.phase === 'm') samples.push(now - stamp.at);
    },
    start() {
      recording = true;
      samples.length = 0;
    },
    samples,
  };
}
