import type { PendingChoices } from '../store/store.js';

// "2", "2.", "2)", "#2", " 2 " — digits in any width (NFKC folds full-width digits).
const NUMBER = /^#?\s*(\d+)\s*[.)]?$/;

const normalize = (text: string) => text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Maps a customer's answer to a numbered menu (sent as text where the channel had no buttons) back to the option
 * it names: by number ("2", "2.", "#2") or by an exact, case-insensitive title. Undefined when it names none, or
 * when a title is ambiguous.
 *
 * @example
 * const picked = matchNumberedChoice(event.content.text, state.pendingChoices);
 * if (picked) event = { ...event, content: { type: 'choice', ...picked } };
 */
export function matchNumberedChoice(text: string, pending: PendingChoices): { id: string; title: string } | undefined {
  const answer = normalize(text);
  const number = NUMBER.exec(answer)?.[1];
  const matches =
    number !== undefined
      ? pending.options.filter((option) => Number(option.number) === Number(number))
      : pending.options.filter((option) => normalize(option.title) === answer);
  const [only] = matches;
  return matches.length === 1 && only ? { id: only.id, title: only.title } : undefined;
}
