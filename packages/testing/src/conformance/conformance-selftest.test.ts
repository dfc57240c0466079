import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// The suites are only worth something if they fail for broken implementations. selftest/ runs them against a toy
// adapter and the memory store with one defect each wired in; this test runs that in a child vitest and checks
// that the correct variants pass and that each defect makes the case that guards against it fail.

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const vitestBin = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

const ADAPTER_DEFECTS: Record<string, string> = {
  'reserialize-before-hmac': 'accepts text-unicode signed over its exact bytes',
  'crash-on-short-signature': 'refuses malformed signature values without crashing',
  'first-entry-only': 'every item of a batch of',
  'drop-unknown-kinds': 'turns every unknown kind into an unsupported event',
  'random-ids': 'ids are stable across parses',
  'throw-on-null': 'answers garbage bodies',
  'handshake-any-token': 'refuses invalid check #1',
  'wrong-send-path': 'text: makes exactly the recorded request',
  'rate-limit-as-platform-error': "error-429: maps the platform's answer",
  'nan-timestamp': 'survives every node nulled or of the wrong type',
};

const STORE_DEFECTS: Record<string, string> = {
  'ack-ignores-token': 'reclaims an item whose lease ran out mid-handler',
  'dead-letter-as-text': 'keeps a dead letter with its exact bytes',
  'release-ignores-token': 'ignores a release with a token that is not the claim',
  'status-always-advances': 'moves a status forward only',
  'log-from-zero': 'numbers entries from 1 per conversation',
  'lock-release-ignores-token': 'is released by its owner token only',
  'inbound-moves-back': 'keeps the latest inbound time',
  'racy-claim': 'lets exactly one of many racing claims on one event id win',
  'append-ignores-key': 'stores one entry per idempotency key and answers it on a retry',
  'racy-rates': 'takes at most count units of a window, also when the takes race',
  'erase-keeps-kv': 'erases the person from every part of the store and leaves the others alone',
};

interface Outcome {
  passed: number;
  failed: string[];
}

type JsonReport = {
  testResults: { name: string; assertionResults: { ancestorTitles: string[]; title: string; status: string }[] }[];
};

function runSelftests(): Promise<Map<string, Outcome>> {
  const dir = mkdtempSync(join(tmpdir(), 'loket-selftest-'));
  const out = join(dir, 'report.json');
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
  const args = [
    vitestBin,
    'run',
    '--config',
    'selftest/vitest.selftest.config.ts',
    '--reporter=json',
    `--outputFile=${out}`,
  ];
  return new Promise((resolve, reject) => {
    // A non-zero exit is expected (the broken variants fail); the report is what counts.
    execFile(
      process.execPath,
      args,
      { cwd: packageRoot, env, maxBuffer: 64 * 1024 * 1024 },
      (_err, _stdout, stderr) => {
        try {
          const report = JSON.parse(readFileSync(out, 'utf8')) as JsonReport;
          const outcomes = new Map<string, Outcome>();
          for (const file of report.testResults) {
            for (const test of file.assertionResults) {
              const group = basename(file.name).startsWith('store') ? 'store' : 'adapter';
              const key = `${group}:${test.ancestorTitles[0]}`;
              const outcome = outcomes.get(key) ?? { passed: 0, failed: [] };
              if (test.status === 'passed') outcome.passed++;
              else outcome.failed.push(test.title);
              outcomes.set(key, outcome);
            }
          }
          resolve(outcomes);
        } catch (err) {
          reject(new AggregateError([err], `selftest run produced no report: ${stderr.slice(-2000)}`));
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    );
  });
}

describe('the conformance suites catch broken implementations', () => {
  let outcomes: Map<string, Outcome>;
  beforeAll(async () => {
    outcomes = await runSelftests();
  }, 180_000);

  it('pass a correct toy adapter and the memory store in full', () => {
    for (const key of ['adapter:none', 'store:none']) {
      expect(outcomes.get(key)?.failed, key).toEqual([]);
      expect(outcomes.get(key)?.passed, key).toBeGreaterThan(20);
    }
  });

  for (const [defect, guard] of Object.entries(ADAPTER_DEFECTS)) {
    it(`fail an adapter with defect "${defect}" in "${guard}"`, () => {
      const failed = outcomes.get(`adapter:${defect}`)?.failed ?? [];
      expect(
        failed.some((title) => title.includes(guard)),
        failed.join('\n'),
      ).toBe(true);
    });
  }

  for (const [defect, guard] of Object.entries(STORE_DEFECTS)) {
    it(`fail a store with defect "${defect}" in "${guard}"`, () => {
      const failed = outcomes.get(`store:${defect}`)?.failed ?? [];
      expect(
        failed.some((title) => title.includes(guard)),
        failed.join('\n'),
      ).toBe(true);
    });
  }
});
