/** Edit distance (insertions, deletions, substitutions, adjacent swaps): how far a typo is from a real name. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The known name a typo most likely meant (`accesToken` → `accessToken`), compared case-insensitively; undefined
 * when none is close (more than a third of the name, at least 2, apart).
 *
 * @example
 * closestName('accesToken', ['appSecret', 'accessToken']); // 'accessToken'
 */
export function closestName(word: string, known: readonly string[]): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const name of known) {
    const d = distance(word.toLowerCase(), name.toLowerCase());
    if (!best || d < best.d) best = { name, d };
  }
  return best && best.d <= Math.max(2, Math.floor(best.name.length / 3)) ? best.name : undefined;
}

/** ` (did you mean accessToken?)`, or nothing when no known name is close. */
export function didYouMean(word: string, known: readonly string[]): string {
  const match = closestName(word, known);
  return match ? ` (did you mean ${match}?)` : '';
}

/** The first key of an options object that the schema's top level does not know, with a suggestion. */
export function unknownOption(schema: unknown, input: unknown): { key: string; hint: string } | undefined {
  const shape = (schema as { shape?: unknown } | null)?.shape;
  if (typeof shape !== 'object' || shape === null) return undefined;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const known = Object.keys(shape);
  const key = Object.keys(input).find((k) => !known.includes(k));
  return key === undefined ? undefined : { key, hint: didYouMean(key, known) };
}
