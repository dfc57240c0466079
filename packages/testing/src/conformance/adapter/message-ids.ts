import { allPaths, getAt } from './json-paths.js';

const ID_KEYS = new Set(['id', 'message_id', 'mid', 'dm_event_id', 'messageId', 'event_id']);

/** Values in a response body that can name the sent message (`messages[0].id`, `message_id`, `dm_event_id`, ...). */
export function messageIdCandidates(body: unknown): string[] {
  return allPaths(body)
    .filter((path) => ID_KEYS.has(String(path[path.length - 1])))
    .map((path) => getAt(body, path))
    .filter((v): v is string => typeof v === 'string');
}
