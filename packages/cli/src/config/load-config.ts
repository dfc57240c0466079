import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { didYouMean, LoketError, loketMessage } from '@loket/core';
import { type LoketConfig, loketConfigSchema } from './config-schema.js';

/** The file names looked for, in order. */
export const CONFIG_FILES = ['loket.config.ts', 'loket.config.mjs', 'loket.config.js', 'loket.config.json'] as const;

const configError = (file: string, text: string, cause?: unknown): LoketError =>
  new LoketError('CONFIG', loketMessage('cli', `${file} ${text}`), { cause, details: { file } });

async function readConfigFile(path: string, file: string): Promise<unknown> {
  if (file.endsWith('.json')) {
    try {
      return JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      throw configError(file, `is not valid JSON (${(err as Error).message}): fix it or remove it`, err);
    }
  }
  try {
    const module = (await import(pathToFileURL(path).href)) as { default?: unknown };
    return module.default ?? module;
  } catch (err) {
    const hint = file.endsWith('.ts')
      ? 'a .ts config needs a TypeScript loader (run loket from the Loket repo, or use loket.config.mjs)'
      : 'fix the error it throws';
    throw configError(file, `could not be loaded (${(err as Error).message}): ${hint}`, err);
  }
}

/**
 * Finds and checks `loket.config.{ts,mjs,js,json}` in `cwd` (or loads `file`); an empty config when there is none.
 * A config that does not fit the schema throws CONFIG naming the field.
 */
export async function loadConfigFile(cwd: string, file?: string): Promise<{ config: LoketConfig; file?: string }> {
  const candidates = file ? [file] : CONFIG_FILES.filter((name) => existsSync(join(cwd, name)));
  const name = candidates[0];
  if (name === undefined) return { config: {} };
  const path = join(cwd, name);
  if (!existsSync(path)) throw configError(name, 'does not exist: check the --config path');
  const parsed = loketConfigSchema.safeParse(await readConfigFile(path, name));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map(String).join('.') || '(root)';
    const what =
      issue?.code === 'unrecognized_keys'
        ? `has unknown field(s) ${issue.keys.map((key) => `${key}${didYouMean(key, Object.keys(loketConfigSchema.shape))}`).join(', ')}`
        : `field ${where}: ${issue?.message}`;
    throw configError(name, `${what}: see the @loket/cli README for the fields`);
  }
  return { config: parsed.data, file: name };
}
