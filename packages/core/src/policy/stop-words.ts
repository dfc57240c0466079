/**
 * Messages that revoke all consent when a customer sends them as the whole message (WhatsApp policy: honour
 * STOP-type requests immediately, PLATFORM_RULES §1.6). English, Dutch, German, French, Spanish, Italian.
 */
export const DEFAULT_STOP_WORDS: readonly string[] = [
  'STOP',
  'STOPP',
  'UNSUBSCRIBE',
  'OPT OUT',
  'OPTOUT',
  'CANCEL',
  'END',
  'QUIT',
  'STOPPEN',
  'ARRET',
  'ARRÊT',
  'ALTO',
  'BAJA',
];

/** Upper case, punctuation and symbols dropped, whitespace collapsed: "  Stop! " and "opt-out" compare as stop words. */
export function normalizeStopWord(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
}

/** A test for "this whole message is a stop word"; `false` turns stop words off, an array replaces the defaults. */
export function stopWordMatcher(words: readonly string[] | false | undefined): (text: string) => boolean {
  if (words === false) return () => false;
  const set = new Set<string>();
  for (const word of words ?? DEFAULT_STOP_WORDS) {
    const normal = normalizeStopWord(word);
    set.add(normal);
    // "OPT-OUT" and "OPT OUT" and "OPTOUT" are the same request.
    set.add(normal.replace(/ /g, ''));
  }
  return (text) => {
    const normal = normalizeStopWord(text);
    return normal.length > 0 && (set.has(normal) || set.has(normal.replace(/ /g, '')));
  };
}
