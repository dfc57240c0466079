import { describe, expect, it } from 'vitest';
import { toBytes, tryJson } from '../../signing/bytes.js';
import type { AdapterConformanceOptions } from './adapter-conformance-options.js';
import { type BodyVariant, brokenShapeVariants, GARBAGE_BODIES, unknownKindVariants } from './body-variants.js';
import { allPaths, formatPath, getAt, setAt } from './json-paths.js';
import { NO_API, parseOutcome, robustnessProblems, signedRequest } from './suite-helpers.js';

/** Unknown kinds become `unsupported` events; hostile shapes never throw anything but a LoketError. */
export function robustnessCases(o: AdapterConformanceOptions): void {
  const adapter = () => o.create({ apiBaseUrl: NO_API });
  const outcome = (body: Uint8Array | string) => parseOutcome(adapter(), signedRequest(o, body));

  const unknown: { fixture: string; variant: BodyVariant }[] = [
    ...(o.unknownKinds ?? []).map((u) => ({ fixture: u.name, variant: { label: 'given', value: toBytes(u.body) } })),
    ...o.fixtures.inbound.flatMap((f) =>
      unknownKindVariants(tryJson(f.body)).map((variant) => ({ fixture: f.name, variant })),
    ),
  ];

  describe('unknown kinds and hostile bodies', () => {
    it('has unknown-kind cases (derived from the fixtures or given as unknownKinds)', () => {
      expect(unknown.length).toBeGreaterThan(0);
    });

    it('turns every unknown kind into an unsupported event and never throws', () => {
      for (const { fixture, variant } of unknown) {
        const what = `${fixture}: ${variant.label}`;
        const value = variant.value;
        const result = outcome(value instanceof Uint8Array ? value : JSON.stringify(value));
        expect('error' in result, `${what}: parse threw ${String(result.error)}`).toBe(false);
        expect(robustnessProblems(result, o.channel), what).toEqual([]);
        expect(
          result.events?.some((e) => e.type === 'unsupported'),
          `${what}: no unsupported event`,
        ).toBe(true);
      }
    });

    it('answers garbage bodies with valid events or a LoketError', () => {
      for (const body of GARBAGE_BODIES) {
        expect(robustnessProblems(outcome(body), o.channel), `body ${JSON.stringify(body)}`).toEqual([]);
      }
    });

    it('never answers a signed request with no events: each emptied batch array still leaves a trace', () => {
      const problems: string[] = [];
      for (const f of o.fixtures.inbound) {
        const json = tryJson(f.body);
        for (const path of allPaths(json).filter((p) => Array.isArray(getAt(json, p)))) {
          const result = outcome(JSON.stringify(setAt(json, path, [])));
          if ('events' in result && result.events?.length === 0) problems.push(`${f.name}: ${formatPath(path)} = []`);
        }
      }
      expect(problems.slice(0, 20)).toEqual([]);
    });

    for (const f of o.fixtures.inbound) {
      it(`${f.name}: survives every node nulled or of the wrong type`, () => {
        const problems = brokenShapeVariants(tryJson(f.body)).flatMap((variant) =>
          robustnessProblems(outcome(JSON.stringify(variant.value)), o.channel).map((p) => `${variant.label}: ${p}`),
        );
        expect(problems.slice(0, 20)).toEqual([]);
      });
    }
  });
}
