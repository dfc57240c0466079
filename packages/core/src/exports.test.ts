import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as core from './index.js';

// The public surface is a decision, not a side effect: an export added or removed in index.ts fails this test until
// the snapshot is updated with it (`npx vitest run -u src/exports.test.ts`) and the change is reviewed.
const source = readFileSync(new URL('./index.ts', import.meta.url), 'utf8');
const file = ts.createSourceFile('index.ts', source, ts.ScriptTarget.Latest);
const exports = file.statements.filter(ts.isExportDeclaration);
const named = exports.flatMap((statement) => {
  const clause = statement.exportClause;
  if (!clause || !ts.isNamedExports(clause)) return [];
  return clause.elements.map((element) => ({
    name: element.name.text,
    type: statement.isTypeOnly || element.isTypeOnly,
  }));
});

describe('the public surface of @loket/core', () => {
  it('names every export (no export *)', () => {
    expect(exports.filter((statement) => !statement.exportClause)).toEqual([]);
  });

  it('is the reviewed list', async () => {
    const lines = named
      .map(({ name, type }) => `${type ? 'type ' : ''}${name}`)
      .sort((a, b) => a.replace('type ', '').localeCompare(b.replace('type ', '')));
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('./__snapshots__/public-exports.txt');
  });

  it('exports at run time exactly the values the list names', () => {
    const values = named.filter((entry) => !entry.type).map((entry) => entry.name);
    expect(Object.keys(core).sort()).toEqual(values.sort());
  });
});
