import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fences, readmePaths, readReadme, repoRoot } from './readmes.js';

/** Where the snippets are written (git-ignored), each as its own module. */
export const snippetDir = join(repoRoot, 'tests/readme/.snippets');
const preludeDir = join(repoRoot, 'tests/readme/preludes');

/** A service a snippet needs to run; without it the run is skipped with a message (as the store tests do). */
export type Service = 'redis' | 'postgres';

/** One TypeScript snippet of a README, with what its annotation asked for. */
export interface Snippet {
  /** `packages/core/README.md:14`: the README and the line of the snippet's first line. */
  id: string;
  readme: string;
  line: number;
  code: string;
  /** The file written for it, relative to {@link snippetDir}. */
  file: string;
  preludes: string[];
  /** Set for a snippet that is only typechecked, with the reason the README gives. */
  skipRun?: string;
  needs: Service[];
  /** A vitest test file (imports from 'vitest'): run with vitest, not tsx. */
  vitest: boolean;
  /** Lines the preludes take at the top of the file (to map tsc's lines back to the README). */
  offset: number;
}

/**
 * Reads an annotation: `prelude=gateway,crm`, `skip-run reason="..."`, `needs=redis`. Anything else is an error,
 * so a typo never silently turns a check off.
 */
export function parseAnnotation(text: string | undefined, where: string) {
  const result: { preludes: string[]; skipRun?: string; needs: Service[] } = { preludes: [], needs: [] };
  if (!text) return result;
  const parts = text.match(/[\w-]+(?:=(?:"[^"]*"|\S+))?/g) ?? [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const [key, raw = ''] = part.split(/=(.*)/s);
    const value = raw.replace(/^"|"$/g, '');
    if (key === 'prelude') result.preludes.push(...value.split(',').filter(Boolean));
    else if (key === 'needs') result.needs.push(...(value.split(',').filter(Boolean) as Service[]));
    else if (key === 'skip-run') {
      const reason = /^reason=/.test(parts[i + 1] ?? '') ? (parts[++i] ?? '').slice(7).replace(/^"|"$/g, '') : '';
      if (!reason) throw new Error(`${where}: skip-run needs a reason="..."`);
      result.skipRun = reason;
    } else throw new Error(`${where}: unknown snippet annotation "${part}"`);
  }
  for (const name of result.preludes) {
    if (!existsSync(join(preludeDir, `${name}.ts`)))
      throw new Error(`${where}: no prelude tests/readme/preludes/${name}.ts`);
  }
  for (const need of result.needs) {
    if (need !== 'redis' && need !== 'postgres') throw new Error(`${where}: unknown service "${need}"`);
  }
  return result;
}

/** Every ```ts / ```typescript fence of every README, in README order. */
export function collectSnippets(): Snippet[] {
  const snippets: Snippet[] = [];
  for (const readme of readmePaths()) {
    const slug = readme === 'README.md' ? 'root' : readme.replace(/\/README\.md$/, '').replace(/[/]/g, '-');
    for (const fence of fences(readReadme(readme))) {
      if (fence.lang !== 'ts' && fence.lang !== 'typescript') continue;
      const id = `${readme}:${fence.line}`;
      const { preludes, skipRun, needs } = parseAnnotation(fence.annotation, id);
      const vitest = /from 'vitest'|\bdescribe\w*Conformance\(/.test(fence.code);
      const prelude = preludes.map((name) => readFileSync(join(preludeDir, `${name}.ts`), 'utf8')).join('\n');
      snippets.push({
        id,
        readme,
        line: fence.line,
        code: prelude ? `${prelude}\n${fence.code}\n` : `${fence.code}\n`,
        file: `${slug}-${fence.line}${vitest ? '.test' : ''}.ts`,
        preludes,
        ...(skipRun === undefined ? {} : { skipRun }),
        needs,
        vitest,
        offset: prelude ? prelude.split('\n').length : 0,
      });
    }
  }
  return snippets;
}

/**
 * The tsc settings for the snippets: strict, nodenext, top-level await, resolved through the packages' `import`
 * conditions, so they are checked against the built `dist/*.d.ts` a user gets.
 */
const tsconfig = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2022'],
    module: 'nodenext',
    moduleResolution: 'nodenext',
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    allowImportingTsExtensions: true,
    types: ['node'],
  },
  include: ['*.ts'],
};

/** Writes every snippet as a module under {@link snippetDir}, with the tsconfig that checks them. */
export function writeSnippets(snippets: Snippet[]): void {
  rmSync(snippetDir, { recursive: true, force: true });
  mkdirSync(snippetDir, { recursive: true });
  writeFileSync(join(snippetDir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  // The workspace packages' dist files sit outside node_modules (npm links the folders), so vite would inline
  // them and trip over their bare builtin imports ('stream'); load them as Node does for an installed package.
  // Four workers: the store suites mostly wait (TTLs, a database), so they overlap well even on two cores. One
  // retry: their real 100 ms TTLs can lapse on a machine this loaded; a broken snippet fails both times.
  const external = '[/\\/packages\\/[^/]+\\/dist\\//]';
  const test = `{ include: ['*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000, maxWorkers: 4, retry: 1, server: { deps: { external: ${external} } } }`;
  writeFileSync(join(snippetDir, 'vitest.config.mjs'), `export default { test: ${test} };\n`);
  for (const snippet of snippets) {
    writeFileSync(join(snippetDir, snippet.file), `// ${snippet.id}\n${snippet.code}`);
  }
}

/** Maps a line of a written snippet file back to its README line (undefined: a prelude line). */
export function readmeLine(snippet: Snippet, fileLine: number): number | undefined {
  const codeLine = fileLine - 1 - snippet.offset;
  return codeLine >= 1 ? snippet.line + codeLine - 1 : undefined;
}
