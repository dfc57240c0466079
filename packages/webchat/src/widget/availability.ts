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
 * and the expected reply time, from the server's `{ open, nextOpen?, expectedReplyMs? }` (`nextOpen` in ms or ISO text).
 */
export function availabilityText(data: Record<string, unknown>, s: WidgetStrings): string {
  const open = data.open === true || data.status === 'open';
  const parts = [open ? s.weAreOpen : s.weAreAway];
  const next = clock(data.nextOpen);
  if (!open && next) parts.push(s.backAt.replace('{time}', next));
  const ms = num(data.expectedReplyMs);
  const seconds = ms === undefined ? num(data.expectedReplySeconds) : ms / 1000;
  if (seconds !== undefined) parts.push(s.replyWithin.replace('{time}', duration(seconds, s)));
  return parts.join(' · ');
}
