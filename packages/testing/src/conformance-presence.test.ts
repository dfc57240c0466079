import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// STYLE.md: each adapter and store has src/conformance.test.ts calling the shared suite; this fails when one is missing.
const packagesDir = fileURLToPath(new URL('../..', import.meta.url));
const ADAPTERS = new Set(['whatsapp', 'messenger', 'instagram', 'twitter-dm', 'webchat']);

/** Adapter and store packages that exist (a package.json and sources). */
const packages = readdirSync(packagesDir)
  .filter((name) => ADAPTERS.has(name) || name.startsWith('store-'))
  .filter((name) => existsSync(join(packagesDir, name, 'package.json')) && existsSync(join(packagesDir, name, 'src')))
  .sort();

describe('every adapter and store runs the shared conformance suite', () => {
  it('finds the adapter packages', () => {
    expect(packages).toContain('whatsapp');
  });

  for (const name of packages) {
    const suite = ADAPTERS.has(name) ? 'describeAdapterConformance' : 'describeStoreConformance';
    it(`${name} has src/conformance.test.ts calling ${suite} from @loket/testing`, () => {
      const file = join(packagesDir, name, 'src', 'conformance.test.ts');
      expect(existsSync(file), `${file} is missing`).toBe(true);
      const source = readFileSync(file, 'utf8');
      expect(source).toMatch(/from ['"]@loket\/testing['"]/);
      expect(source).toContain(`${suite}(`);
    });
  }
});
