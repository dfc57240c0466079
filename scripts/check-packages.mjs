#!/usr/bin/env node
// Checks every published package as a user receives it: publint (package.json vs files), Are The Types Wrong
// (types for import and require), then packs them all, installs the tarballs into a scratch app outside the
// workspace and loads every entry both with import and with require. Run after `npm run build`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args, cwd = root) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: 'pipe' });

const packages = readdirSync(join(root, 'packages'))
  .map((dir) => ({
    dir: join(root, 'packages', dir),
    json: JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')),
  }))
  .filter((p) => !p.json.private);

const failures = [];
const scratch = mkdtempSync(join(tmpdir(), 'loket-pack-'));
try {
  const tarballs = join(scratch, 'tarballs');
  mkdirSync(tarballs);
  for (const p of packages)
    p.tarball = join(tarballs, run('npm', ['pack', '--silent', '--pack-destination', tarballs], p.dir).trim());

  for (const { json, tarball } of packages) {
    if (!run('tar', ['-tzf', tarball]).includes('package/LICENSE'))
      failures.push(`${json.name}: the tarball has no LICENSE`);
    try {
      run(bin('publint'), ['run', '--strict', tarball]);
    } catch (err) {
      failures.push(`${json.name}: publint\n${err.stdout}${err.stderr}`);
    }
    // An entry without a `require` condition is ESM by design (the CLI, the vitest suites): Node 20.19+ loads it
    // with require() too, which the smoke test below proves, so attw's CJS-resolves-to-ESM rule does not apply.
    const esmOnly = Object.values(json.exports ?? {}).some((e) => typeof e === 'object' && !('require' in e));
    try {
      run(bin('attw'), [
        tarball,
        '--profile',
        'node16',
        '--format',
        'ascii',
        ...(esmOnly ? ['--ignore-rules', 'cjs-resolves-to-esm'] : []),
      ]);
    } catch (err) {
      failures.push(`${json.name}: attw\n${err.stdout}`);
    }
  }

  const app = join(scratch, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'scratch-app', private: true, version: '0.0.0' }));
  // Peers a user brings themselves (vitest for the testing kit's suites), at the versions the workspace uses.
  const ours = new Set(packages.map((p) => p.json.name));
  const peers = [...new Set(packages.flatMap((p) => Object.keys(p.json.peerDependencies ?? {})))].filter(
    (n) => !ours.has(n),
  );
  const rootJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const peerSpecs = peers.map((n) => `${n}@${rootJson.devDependencies?.[n] ?? 'latest'}`);
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error', ...packages.map((p) => p.tarball), ...peerSpecs],
    app,
  );

  for (const { json } of packages) {
    for (const entry of Object.keys(json.exports ?? { '.': {} })) {
      if (entry.includes('*') || entry.endsWith('.json') || entry.endsWith('.js')) continue;
      const specifier = entry === '.' ? json.name : `${json.name}/${entry.slice(2)}`;
      for (const [how, code] of [
        ['require', `require(${JSON.stringify(specifier)})`],
        ['import', `import(${JSON.stringify(specifier)}).catch((e) => { console.error(e); process.exit(1); })`],
      ]) {
        try {
          run(process.execPath, ['-e', code], app);
        } catch (err) {
          failures.push(
            `${specifier}: ${how} failed\n${String(err.stderr ?? err.message)
              .split('\n')
              .slice(0, 6)
              .join('\n')}`,
          );
        }
      }
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(`check-packages: ${failures.length} problem(s)\n\n${failures.join('\n\n')}`);
  process.exit(1);
}
console.log(
  `check-packages: ${packages.length} packages pass publint and attw, and load with import and require from their tarballs`,
);
