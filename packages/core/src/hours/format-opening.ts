/**
 * A moment as the business's customers read it: in the business's time zone and language, weekday, date and time
 * (`Monday, March 30 at 9:00 AM` in `en`, `maandag 30 maart om 09:00` in `nl`). Never the server's own zone.
 *
 * @example
 * formatOpening(Date.parse('2026-03-30T07:00:00Z'), 'Europe/Amsterdam', 'en'); // 'Monday, March 30 at 9:00 AM'
 */
export function formatOpening(at: number, timeZone: string, locale = 'en'): string {
  // 24-hour locales write 09:00, 12-hour ones 9:00 AM: the locale's own hour cycle decides the padding.
  const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    hour: cycle === 'h23' || cycle === 'h24' ? '2-digit' : 'numeric',
    minute: '2-digit',
  }).format(at);
}
