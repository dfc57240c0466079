import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './readmes.js';

/** One vitest snippet's outcome: passed, or the failure messages of its tests. */
export interface VitestResult {
  passed: boolean;
  failures: string[];
}

interface JsonReport {
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { status: string; fullName: string; failureMessages?: string[] }[];
  }[];
}

const vitestBin = join(repoRoot, 'node_modules/vitest/vitest.mjs');

/**
 * Runs the snippets that are vitest test files in one vitest process (against the built packages: no `source`
 * condition), and answers each file's outcome. A file with no test, or one that fails to load, has not passed.
 */
export async function runVitestSnippets(dir: string, files: string[], env: Record<string, string>) {
  const results = new Map<string, VitestResult>();
  if (files.length === 0) return { results, output: '' };
  const out = mkdtempSync(join(tmpdir(), 'loket-readme-vitest-'));
  const report = join(out, 'report.json');
  const args = [vitestBin, 'run', '--root', dir, '--config', join(dir, 'vitest.config.mjs'), '--reporter=json'];
  const child = spawn(process.execPath, [...args, `--outputFile=${report}`, ...files], {
    cwd: dir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    output += d.toString();
  });
  await new Promise((resolve) => child.on('exit', resolve));
  try {
    const json = JSON.parse(readFileSync(report, 'utf8')) as JsonReport;
    for (const file of json.testResults) {
      const name = file.name.slice(file.name.lastIndexOf('/') + 1);
      const failed = file.assertionResults.filter((t) => t.status === 'failed');
      const failures = failed.map((t) => `${t.fullName}: ${(t.failureMessages ?? []).join('\n')}`);
      if (file.status !== 'passed' && failures.length === 0) failures.push(file.message || `status ${file.status}`);
      const ran = file.assertionResults.some((t) => t.status === 'passed');
      results.set(name, {
        passed: failures.length === 0 && ran,
        failures: ran ? failures : [...failures, 'no test ran'],
      });
    }
  } catch (err) {
    output += `\n[readme] no vitest report: ${String(err)}`;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return { results, output };
}
