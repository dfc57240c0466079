import fc from 'fast-check';

/** A path into a JSON value: object keys and array indexes. */
type Path = (string | number)[];

/** Strings that break naive code: control and zero-width characters, lone surrogates, bidi overrides, huge ones. */
export const UNICODE_EDGES = [
  '',
  '\u0000',
  '\ud800',
  '\udfff',
  '\ud83d\ude00',
  '\u202e\u2066rtl',
  '\u200b\u200d\ufeff',
  'e\u0301\u0301\u0301',
  '\u00a0',
  '\\u0000',
  '__proto__',
  'constructor',
  '%00%ff',
  '<script>alert(1)</script>',
  'x'.repeat(70_000),
];

function paths(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [];
  const children: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : typeof value === 'object' && value !== null
      ? Object.entries(value)
      : [];
  for (const [key, child] of children) {
    const path = [...prefix, key];
    out.push(path, ...paths(child, path));
  }
  return out;
}

function getAt(value: unknown, path: Path): unknown {
  let node = value;
  for (const key of path) node = (node as Record<string | number, unknown> | undefined)?.[key];
  return node;
}

function setAt(root: unknown, path: Path, next: unknown, remove = false): unknown {
  if (path.length === 0) return next;
  const copy = structuredClone(root);
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  // An earlier change may have turned the parent into a leaf: this change has nothing to act on then.
  if (typeof parent !== 'object' || parent === null) return root;
  const key = path[path.length - 1] as string | number;
  if (remove && Array.isArray(parent)) parent.splice(key as number, 1);
  else if (remove) delete parent[key];
  else parent[key] = next;
  return copy;
}

/** One structure-aware change to a node of a JSON value. */
type Change = (value: unknown, node: unknown) => { next?: unknown; remove?: boolean };

const anyJsonLeaf = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 2 ** 53, 1e308, -1e-308),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(...UNICODE_EDGES),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** What a node may become: a string leaf a number, array, object or null; an array emptied or multiplied; ... */
function changeArb(): fc.Arbitrary<Change> {
  return fc.oneof(
    anyJsonLeaf.map(
      (leaf): Change =>
        () => ({ next: leaf }),
    ),
    fc.constant((): ReturnType<Change> => ({ next: [] })),
    fc.constant((): ReturnType<Change> => ({ next: {} })),
    fc.constant((): ReturnType<Change> => ({ remove: true })),
    fc.integer({ min: 2, max: 6 }).map(
      (times): Change =>
        (_value, node) => ({
          next: Array.isArray(node) ? Array.from({ length: times }, () => node).flat() : [node, node],
        }),
    ),
    fc.constant((_value: unknown, node: unknown): ReturnType<Change> => ({ next: Array.isArray(node) ? [] : [node] })),
    fc.constantFrom(...UNICODE_EDGES).map(
      (edge): Change =>
        (_value, node) => ({ next: typeof node === 'string' ? `${node}${edge}` : edge }),
    ),
    fc.constant((_value: unknown, node: unknown): ReturnType<Change> => ({ next: { nested: node, extra: [node] } })),
  );
}

/**
 * Structure-aware mutants of a JSON document: one to three changes, each at a node of the original (every string
 * leaf may become a number, array, object or null; arrays emptied or multiplied; nodes removed; unicode edge
 * cases appended). The first mutant fast-check tries is the document itself.
 */
export function mutantsOf(document: unknown): fc.Arbitrary<unknown> {
  const all = paths(document);
  if (all.length === 0) return fc.constant(document);
  const step = fc.tuple(fc.nat({ max: all.length - 1 }), changeArb());
  return fc.array(step, { minLength: 0, maxLength: 3 }).map((steps) => {
    let value = document;
    for (const [index, change] of steps) {
      const path = all[index] as Path;
      const node = getAt(value, path);
      const { next, remove } = change(value, node);
      value = setAt(value, path, next, remove);
    }
    return value;
  });
}
