import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { KNOWN_CHANNELS, knownChannel } from '../channels/known-channels.js';
import { signatureHeaders } from '../channels/sign-webhook.js';
import { describeGatewayStatus } from '../channels/gateway-status.js';
import { channelFromPath } from './collect-files.js';

/** The outcome of one replayed file. */
export interface ReplayItem {
  file: string;
  channel?: string;
  status: number;
  outcome: 'acknowledged' | 'refused' | 'failed';
  reason?: string;
}

/** The totals `loket replay` prints. */
export interface ReplaySummary {
  items: ReplayItem[];
  acknowledged: number;
  refused: number;
  failed: number;
}

/** Options of {@link replayFiles}. */
export interface ReplayOptions {
  url: string;
  /** The channel of every file; otherwise from the path or the body's `object`. */
  channel?: string;
  /** The secret to sign with, per channel. */
  secretFor(channel: string): string;
  /** Called after each file (progress). */
  onItem?(item: ReplayItem, index: number, total: number): void;
}

const OBJECTS: Record<string, string> = {
  whatsapp_business_account: 'whatsapp',
  page: 'messenger',
  instagram: 'instagram',
};

function channelOf(file: string, body: Uint8Array, flag: string | undefined): string | undefined {
  if (flag) return flag;
  const fromPath = channelFromPath(
    file,
    KNOWN_CHANNELS.map((c) => c.channel),
  );
  if (fromPath) return fromPath;
  try {
    const object = (JSON.parse(Buffer.from(body).toString('utf8')) as { object?: unknown }).object;
    return typeof object === 'string' ? OBJECTS[object] : undefined;
  } catch {
    return undefined; // not JSON: the channel must come from --channel or the path
  }
}

async function replayOne(file: string, options: ReplayOptions): Promise<ReplayItem> {
  const body = new Uint8Array(readFileSync(file));
  const channel = channelOf(file, body, options.channel);
  const known = channel === undefined ? undefined : knownChannel(channel);
  if (!known) {
    const reason = channel ? `unknown channel ${channel}` : 'channel unknown: pass --channel';
    return { file, channel, status: 0, outcome: 'failed', reason };
  }
  const headers = {
    'content-type': 'application/json',
    ...signatureHeaders(known.signature, body, options.secretFor(known.channel)),
  };
  let status = 0;
  try {
    const res = await fetch(`${options.url}/webhooks/${known.channel}`, { method: 'POST', headers, body });
    await res.arrayBuffer();
    status = res.status;
  } catch {
    status = 0;
  }
  const { ok, text } = describeGatewayStatus(status, known.channel);
  const outcome = ok ? 'acknowledged' : status >= 400 && status < 500 ? 'refused' : 'failed';
  return { file, channel: known.channel, status, outcome, ...(ok ? {} : { reason: text }) };
}

/**
 * Replays recorded webhook bodies, in order, as raw bytes re-signed with the target's secret (the bytes are never
 * re-serialized: Meta signs its escaped serialization).
 *
 * @example
 * const summary = await replayFiles(collectWebhookFiles('fixtures/whatsapp'), { url: 'http://localhost:3000', secretFor: () => secret });
 */
export async function replayFiles(files: string[], options: ReplayOptions): Promise<ReplaySummary> {
  const summary: ReplaySummary = { items: [], acknowledged: 0, refused: 0, failed: 0 };
  for (const [index, file] of files.entries()) {
    const item = await replayOne(file, options);
    summary.items.push(item);
    summary[item.outcome] += 1;
    options.onItem?.(item, index, files.length);
  }
  return summary;
}

/** `[#######-------------] 7/20 text.json`. */
export function progressBar(done: number, total: number, file: string, width = 24): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${basename(file)}`;
}
