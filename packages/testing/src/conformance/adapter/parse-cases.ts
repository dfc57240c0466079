import { describe, expect, it } from 'vitest';
import type { InboundFixture } from '../../fixtures/fixture-schemas.js';
import { tryJson } from '../../signing/bytes.js';
import type { AdapterConformanceOptions } from './adapter-conformance-options.js';
import { batchKey, mergeBatches } from './body-variants.js';
import { canonicalJson } from './json-paths.js';
import { eventProblems, NO_API, signedRequest, stripRaw } from './suite-helpers.js';

/** Fixtures that can share one delivery: same top-level primitives, no event id in common. */
function batchGroups(fixtures: InboundFixture[], keyOf: (body: unknown) => string | undefined): InboundFixture[][] {
  const groups = new Map<string, { members: InboundFixture[]; ids: Set<string> }>();
  for (const f of fixtures) {
    const key = keyOf(tryJson(f.body));
    if (key === undefined || f.events.length === 0) continue;
    const group = groups.get(key) ?? { members: [], ids: new Set<string>() };
    groups.set(key, group);
    if (f.events.some((e) => group.ids.has(e.id))) continue;
    group.members.push(f);
    for (const e of f.events) group.ids.add(e.id);
  }
  return [...groups.values()].map((g) => g.members).filter((members) => members.length > 1);
}

const sortedCanonical = (events: unknown[]): string[] => events.map(canonicalJson).sort();

/** Every fixture parses to exactly its events; ids are stable and unique; batched deliveries lose nothing. */
export function parseCases(o: AdapterConformanceOptions): void {
  const adapter = () => o.create({ apiBaseUrl: NO_API });
  const parse = (body: Uint8Array | string) => adapter().parse(signedRequest(o, body));

  describe('parse', () => {
    it('has inbound fixtures to check', () => {
      expect(o.fixtures.inbound.length).toBeGreaterThan(0);
    });

    for (const f of o.fixtures.inbound) {
      it(`${f.name}: parses to exactly its expected events, each valid and with raw`, () => {
        const events = parse(f.body);
        expect(eventProblems(events, o.channel)).toEqual([]);
        expect(events.map(stripRaw)).toEqual(f.events);
      });

      it(`${f.name}: ids are stable across parses and unique within the request`, () => {
        const first = parse(f.body).map((e) => e.id);
        // A fresh adapter: a redelivery may reach another process.
        expect(parse(f.body).map((e) => e.id)).toEqual(first);
        expect(new Set(first).size, `duplicate ids: ${first.join(', ')}`).toBe(first.length);
      });
    }

    if (o.batches === false) return;
    const groups = batchGroups(o.fixtures.inbound, o.batchKey ?? batchKey);
    it('has fixtures that can be batched together', () => {
      expect(groups.length, 'need two inbound fixtures with the same envelope').toBeGreaterThan(0);
    });
    for (const group of groups) {
      it(`every item of a batch of ${group.length} deliveries yields its events (${group[0]?.name}, ...)`, () => {
        const merged = mergeBatches(group.map((f) => tryJson(f.body)));
        expect(merged).toBeDefined();
        const events = parse(JSON.stringify(merged));
        expect(eventProblems(events, o.channel)).toEqual([]);
        const expected = group.flatMap((f) => f.events);
        expect(events.length).toBe(expected.length);
        expect(sortedCanonical(events.map(stripRaw))).toEqual(sortedCanonical(expected));
      });
    }
  });
}
