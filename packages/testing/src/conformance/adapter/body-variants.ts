import { allPaths, formatPath, getAt, isObject, type JsonObject, setAt } from './json-paths.js';

/** A body derived from a fixture, and what was changed. */
export interface BodyVariant {
  label: string;
  value: unknown;
}

/** The kind name no adapter can know. */
export const UNKNOWN_KIND = 'loket_conformance_unknown';

/**
 * Bodies in which one item carries a kind no adapter knows. Two shapes are found generically:
 * a discriminator `{ type: K, K: {...} }` (WhatsApp messages, X events) and a Graph change `{ field, value }`.
 */
export function unknownKindVariants(body: unknown): BodyVariant[] {
  const out: BodyVariant[] = [];
  for (const path of allPaths(body)) {
    const node = getAt(body, path);
    if (!isObject(node)) continue;
    const kind = node.type;
    if (typeof kind === 'string' && kind !== UNKNOWN_KIND && typeof node[kind] === 'object' && node[kind] !== null) {
      const { [kind]: inner, ...rest } = node;
      out.push({
        label: `${formatPath(path)}.type "${kind}"`,
        value: setAt(body, path, { ...rest, type: UNKNOWN_KIND, [UNKNOWN_KIND]: inner }),
      });
    }
    if (typeof node.field === 'string' && isObject(node.value)) {
      out.push({
        label: `${formatPath(path)}.field "${node.field}"`,
        value: setAt(body, path, { ...node, field: UNKNOWN_KIND }),
      });
    }
  }
  return out;
}

function swapType(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (Array.isArray(value)) return {};
  if (isObject(value)) return [];
  return 'x';
}

/** For every node of a body (up to `max`): the body with that node set to null, and with its type swapped. */
export function brokenShapeVariants(body: unknown, max = 400): BodyVariant[] {
  return allPaths(body)
    .slice(0, max)
    .flatMap((path) => [
      { label: `${formatPath(path)} = null`, value: setAt(body, path, null) },
      { label: `${formatPath(path)} type-swapped`, value: setAt(body, path, swapType(getAt(body, path))) },
    ]);
}

/** Bodies of no platform at all; parse must answer events or throw a LoketError, never anything else. */
export const GARBAGE_BODIES: readonly string[] = [
  '',
  'not json',
  '{"entry":',
  'null',
  '42',
  '"text"',
  '[]',
  '{}',
  '[{"entry":[]}]',
  '{"entry":null}',
  '{"entry":{}}',
  '{"entry":[null,1,"x",[],{}]}',
  '{"entry":[{"changes":null,"messaging":null,"standby":null}]}',
  '{"entry":[{"changes":[null,{},{"field":"messages","value":null},{"field":"messages","value":{}}]}]}',
  '{"entry":[{"id":"1","changes":[{"field":"messages","value":{"metadata":{},"messages":[{}],"statuses":[{}],"contacts":[{}]}}]}]}',
  '{"entry":[{"messaging":[null,{},{"sender":{},"recipient":{}}]}]}',
  '{"for_user_id":"1","direct_message_events":[null,{},{"type":"message_create"}],"users":null}',
  '{"data":null}',
];

/**
 * Merges several bodies into one batch, the way a platform may batch separate deliveries: top-level arrays are
 * concatenated, top-level objects merged, and primitives must agree (undefined when they do not).
 */
export function mergeBatches(bodies: unknown[]): JsonObject | undefined {
  const merged: JsonObject = {};
  for (const body of bodies) {
    if (!isObject(body)) return undefined;
    for (const [key, value] of Object.entries(body)) {
      const prev = merged[key];
      if (prev === undefined) merged[key] = structuredClone(value);
      else if (Array.isArray(prev) && Array.isArray(value)) merged[key] = [...prev, ...structuredClone(value)];
      else if (isObject(prev) && isObject(value)) merged[key] = { ...prev, ...structuredClone(value) };
      else if (JSON.stringify(prev) !== JSON.stringify(value)) return undefined;
    }
  }
  return merged;
}

/** The primitive top-level fields of a body (what must agree for two bodies to share a batch). */
export function batchKey(body: unknown): string | undefined {
  if (!isObject(body)) return undefined;
  const primitives = Object.entries(body).filter(([, v]) => v === null || typeof v !== 'object');
  return JSON.stringify(primitives.sort(([a], [b]) => (a < b ? -1 : 1)));
}
