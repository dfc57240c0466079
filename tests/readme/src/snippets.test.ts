import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, postgresTestUrl } from '@loket/store-postgres/testing';
import { deleteKeys, redisTestUrl } from '@loket/store-redis/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './readmes.js';
import { runSnippet } from './run-snippet.js';
import { runVitestSnippets } from './run-vitest.js';
import { collectSnippets, readmeLine, type Service, type Snippet, snippetDir, writeSnippets } from './snippets.js';

// What the README snippets read from the environment: placeholders, never real credentials.
const env: Record<string, string> = {
  APP_SECRET: 'readme-app-secret',
  VERIFY_TOKEN: 'readme-verify-token',
  WA_TOKEN: 'readme-wa-token',
  META_APP_SECRET: 'readme-meta-secret',
  META_APP_ID: '1234567890',
  WHATSAPP_APP_SECRET: 'readme-wa-secret',
  WHATSAPP_VERIFY_TOKEN: 'readme-verify-token',
  WHATSAPP_ACCESS_TOKEN: 'readme-wa-token',
  MESSENGER_VERIFY_TOKEN: 'readme-verify-token',
  MESSENGER_APP_SECRET: 'readme-messenger-secret',
  MESSENGER_ACCESS_TOKEN: 'readme-page-token',
  MESSENGER_PAGE_TOKEN: 'readme-page-token',
  INSTAGRAM_APP_SECRET: 'readme-ig-secret',
  INSTAGRAM_VERIFY_TOKEN: 'readme-verify-token',
  INSTAGRAM_ACCESS_TOKEN: 'readme-ig-token',
  WEBCHAT_SECRET: 'readme-webchat-secret-0123456789abcdef',
  X_CONSUMER_SECRET: 'readme-x-consumer-secret',
  TWITTER_DM_CONSUMER_SECRET: 'readme-x-consumer-secret',
  TWITTER_DM_CLIENT_SECRET: 'readme-x-client-secret',
  TWITTER_DM_CLIENT_ID: 'readme-x-client',
  TWITTER_DM_USER_ID: '2244994945',
  X_CLIENT_SECRET: 'readme-x-client-secret',
  X_CLIENT_ID: 'readme-x-client',
  X_USER_ID: '2244994945',
  PORT: '0',
};

const snippets = collectSnippets();
const runnable = snippets.filter((s) => !s.skipRun);
// Two cores are shared: at most two snippet processes at a time (the vitest snippets run in one more).
const limit = 2;
let active = 0;
const queue: (() => void)[] = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (active >= limit) await new Promise<void>((resolve) => queue.push(resolve));
  active++;
  try {
    return await work();
  } finally {
    active--;
    queue.shift()?.();
  }
}

const services: Record<Service, () => Promise<string | undefined>> = {
  redis: () => redisTestUrl('readme snippets'),
  postgres: () => postgresTestUrl('readme snippets'),
};
const available = new Map<Service, Promise<string | undefined>>();
/** The service's URL, or undefined (a skip with a message; under CI=true a failure, as in the store tests). */
async function service(need: Service): Promise<string | undefined> {
  if (!available.has(need)) available.set(need, services[need]());
  const url = await available.get(need);
  if (!url && process.env.CI === 'true')
    throw new Error(`[readme] ${need} is needed by a README snippet under CI=true`);
  return url;
}

async function needsMet(snippet: Snippet): Promise<Record<string, string> | undefined> {
  const extra: Record<string, string> = {};
  for (const need of snippet.needs) {
    const url = await service(need);
    if (!url) return undefined;
    extra[need === 'redis' ? 'REDIS_URL' : 'DATABASE_URL'] = url;
  }
  return extra;
}

/** tsc over every snippet at once: its output and exit code. */
function typecheck(): Promise<{ output: string; code: number | null }> {
  const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
  const child = spawn(process.execPath, [tsc, '-p', join(snippetDir, 'tsconfig.json')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    output += d.toString();
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ output, code })));
}

/** The vitest snippets whose services answer, run in one vitest process. */
async function vitestRun() {
  const files: string[] = [];
  const vitestEnv = { ...env };
  for (const s of runnable.filter((s) => s.vitest)) {
    const extra = await needsMet(s);
    if (extra) {
      files.push(s.file);
      Object.assign(vitestEnv, extra);
    }
  }
  return runVitestSnippets(snippetDir, files, vitestEnv);
}

// The slow parts (one tsc run, one vitest run over the conformance snippets) run once, beside the snippet
// processes (all tests here are concurrent), started by the first test that needs them.
let typechecked: ReturnType<typeof typecheck> | undefined;
let vitested: ReturnType<typeof vitestRun> | undefined;
beforeAll(() => writeSnippets(snippets));
afterAll(async () => {
  await Promise.allSettled([typechecked, vitested]);
  rmSync(snippetDir, { recursive: true, force: true });
});

describe.concurrent('README snippets', () => {
  it('are collected from every README', () => {
    expect(snippets.length).toBeGreaterThan(30);
    for (const s of snippets.filter((s) => s.skipRun)) console.log(`[readme] ${s.id}: typecheck only: ${s.skipRun}`);
  });

  it('typecheck (strict, nodenext, against the built packages) in one tsc run', async () => {
    typechecked ??= typecheck();
    const { output, code } = await typechecked;
    const byFile = new Map(snippets.map((s) => [s.file, s]));
    // Point each error at the README line it comes from.
    const errors = output.replace(/^(?:.*[\\/])?\.snippets[\\/]([^(]+)\((\d+),(\d+)\)/gm, (whole, file, line, col) => {
      const snippet = byFile.get(file);
      if (!snippet) return whole;
      const at = readmeLine(snippet, Number(line));
      return at === undefined
        ? `${snippet.id} (prelude ${snippet.preludes.join(',')}, line ${line})`
        : `${snippet.readme}:${at}:${col}`;
    });
    expect(errors).toBe('');
    expect(code).toBe(0);
  });

  describe('run', () => {
    for (const snippet of runnable) {
      it(snippet.id, async ({ skip }) => {
        const extra = await needsMet(snippet);
        if (!extra) return skip(`needs ${snippet.needs.join(', ')}, which does not answer`);
        if (snippet.vitest) {
          vitested ??= vitestRun();
          const { results, output } = await vitested;
          const result = results.get(snippet.file);
          expect(result, `vitest did not report ${snippet.file}:\n${output}`).toBeDefined();
          expect(result?.failures.join('\n\n')).toBe('');
          expect(result?.passed).toBe(true);
          return;
        }
        const cwd = mkdtempSync(join(tmpdir(), 'loket-readme-'));
        const database = extra.DATABASE_URL ? await createTestDatabase(extra.DATABASE_URL) : undefined;
        try {
          const runEnv = { ...env, ...extra, ...(database ? { DATABASE_URL: database.url } : {}) };
          const result = await slot(() => runSnippet(join(snippetDir, snippet.file), { env: runEnv, cwd }));
          const report = `${snippet.id} (${result.outcome}, exit ${result.code})\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
          expect(result.outcome, report).not.toBe('timeout');
          if (result.outcome === 'exited') expect(result.code, report).toBe(0);
          expect(result.stderr, report).toBe('');
          // A snippet that starts a server (or a metrics exporter) must have it up by the time its work is done.
          if (/\.listen\(|new PrometheusExporter\(/.test(snippet.code))
            expect(result.listening, report).toBeGreaterThan(0);
        } finally {
          rmSync(cwd, { recursive: true, force: true });
          await database?.drop();
          // The README's own prefix, and the prelude's.
          if (extra.REDIS_URL)
            for (const prefix of ['shop:', 'readme-snippet:']) await deleteKeys(extra.REDIS_URL, prefix);
        }
      });
    }
  });
});
