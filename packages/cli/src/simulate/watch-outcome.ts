import type { ConversationRef } from '@loket/core';
import type { TimelineItem } from '../dev/timeline.js';

const sameConversation = (a: ConversationRef | undefined, b: ConversationRef): boolean =>
  a !== undefined && a.channel === b.channel && a.account === b.account && a.user === b.user;

async function getJson(url: string): Promise<unknown> {
  try {
    const res = await fetch(url);
    return res.ok ? await res.json() : undefined;
  } catch {
    // Not a loket dev server (or gone): there is simply no timeline to show.
    return undefined;
  }
}

/** The dev console's newest seq, or undefined when the gateway is not `loket dev`. */
export async function timelineMark(baseUrl: string): Promise<number | undefined> {
  const info = (await getJson(`${baseUrl}/console/api/info`)) as { lastSeq?: unknown } | undefined;
  return typeof info?.lastSeq === 'number' ? info.lastSeq : undefined;
}

// A read (WhatsApp status, Messenger read event), a failure or a refusal is as far as a conversation goes.
const settled = (items: TimelineItem[]): boolean =>
  items.some(
    (i) =>
      i.kind === 'refused' || /^status (read|failed)/.test(i.title) || (i.kind === 'inbound' && i.title === 'read'),
  );

/**
 * Watches `loket dev`'s timeline after `mark` for up to `waitMs`, handing each item of the conversation to `print`
 * as it arrives; stops early once a reply was read, failed or refused.
 */
export async function watchOutcome(
  baseUrl: string,
  mark: number,
  conversation: ConversationRef,
  waitMs: number,
  print: (item: TimelineItem) => void,
): Promise<TimelineItem[]> {
  const seen: TimelineItem[] = [];
  let after = mark;
  const until = Date.now() + waitMs;
  while (Date.now() < until) {
    const items = ((await getJson(`${baseUrl}/console/api/events?after=${after}`)) ?? []) as TimelineItem[];
    for (const item of items) {
      after = Math.max(after, item.seq);
      if (!sameConversation(item.conversation, conversation)) continue;
      seen.push(item);
      print(item);
    }
    if (settled(seen)) break;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return seen;
}
