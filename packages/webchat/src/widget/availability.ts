import type { WidgetStrings } from './strings.js';

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function clock(v: unknown): string | undefined {
  if (typeof v === 'string' && /^\d{1,2}:\d{2}$/.test(v)) return v;
  const at = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : Number.NaN;
  if (Number.isNaN(at)) return undefined;
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

function duration(seconds: number, s: WidgetStrings): string {
  return seconds >= 5400
    ? `${Math.round(seconds / 3600)} ${s.hours}`
    : `${Math.max(1, Math.round(seconds / 60))} ${s.minutes}`;
}

/**
 * The availability banner's text from an `availability` event: open or away, the next opening ("back at 09:00")
 * and the expected reply time. Field names are read generously (`nextOpening` / `nextOpenAt`, seconds or minutes).
 */
export function availabilityText(data: Record<string, unknown>, s: WidgetStrings): string {
  const open = data.open === true || data.status === 'open';
  const parts = [open ? s.weAreOpen : s.weAreAway];
  const next = clock(data.nextOpening ?? data.nextOpenAt ?? data.opensAt ?? data.nextOpen);
  if (!open && next) parts.push(s.backAt.replace('{time}', next));
  const minutes = num(data.expectedReplyMinutes);
  const seconds =
    num(data.expectedReplySeconds) ??
    num(data.replyWithinSeconds) ??
    (minutes === undefined ? undefined : minutes * 60);
  const text = typeof data.expectedReply === 'string' ? data.expectedReply : undefined;
  if (seconds !== undefined) parts.push(s.replyWithin.replace('{time}', duration(seconds, s)));
  else if (text) parts.push(s.replyWithin.replace('{time}', text));
  return parts.join(' · ');
}
