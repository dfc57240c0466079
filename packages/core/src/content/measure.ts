/** How a length limit is counted: code points (`chars`) or UTF-8 bytes (`bytes`). */
export type LengthUnit = 'chars' | 'bytes';

const encoder = new TextEncoder();
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const ELLIPSIS = '…';

/** The length of `text` in `unit`: code points, so an emoji counts once, or UTF-8 bytes. */
export function measure(text: string, unit: LengthUnit = 'chars'): number {
  if (unit === 'bytes') return encoder.encode(text).byteLength;
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Shortens `text` to at most `max` units, ending in an ellipsis; never cuts inside a grapheme. */
export function truncate(text: string, max: number, unit: LengthUnit = 'chars'): string {
  if (measure(text, unit) <= max) return text;
  const room = max - measure(ELLIPSIS, unit);
  let size = 0;
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    const s = measure(segment, unit);
    if (size + s > room) break;
    size += s;
    out += segment;
  }
  return out.trimEnd() + ELLIPSIS;
}

/**
 * Splits `text` into parts of at most `max` units, on whitespace where it can (a line break when one sits in the
 * second half of the part), never inside a grapheme (surrogate pairs, emoji sequences, combining marks).
 */
export function splitText(text: string, max: number, unit: LengthUnit = 'chars'): string[] {
  const parts: string[] = [];
  let rest = text;
  while (measure(rest, unit) > max) {
    const cut = cutPoint(rest, max, unit);
    const part = rest.slice(0, cut).trimEnd();
    if (part.length > 0) parts.push(part);
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}

function cutPoint(text: string, max: number, unit: LengthUnit): number {
  let size = 0;
  let end = 0;
  let lastSpace = 0;
  let lastBreak = 0;
  let seenWord = false;
  for (const { segment, index } of graphemes.segment(text)) {
    const s = measure(segment, unit);
    // A single grapheme wider than the limit still has to go somewhere: it gets a part of its own.
    if (size + s > max) return end > 0 ? preferBreak(text, end, lastSpace, lastBreak) : index + segment.length;
    size += s;
    end = index + segment.length;
    if (!/^\s+$/.test(segment)) seenWord = true;
    else if (seenWord) {
      lastSpace = index;
      if (segment.includes('\n')) lastBreak = index;
    }
  }
  return end;
}

function preferBreak(text: string, end: number, lastSpace: number, lastBreak: number): number {
  const next = text.charAt(end);
  if (next === '\n' || next === '\r') return end;
  if (lastBreak > 0 && lastBreak >= end / 2) return lastBreak;
  if (/\s/.test(next)) return end;
  return lastSpace > 0 ? lastSpace : end;
}
