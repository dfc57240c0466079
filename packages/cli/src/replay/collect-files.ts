import { readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { LoketError, loketMessage } from '@loket/core';

// api/ and send/ fixtures are API answers and outbound requests, not webhooks a platform sends.
const NOT_WEBHOOKS = new Set(['api', 'send']);

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!NOT_WEBHOOKS.has(entry.name) && entry.name !== 'node_modules') walk(path, out);
    } else if (entry.name.endsWith('.json') && !entry.name.endsWith('.events.json')) {
      out.push(path);
    }
  }
}

/** The webhook bodies under a file or directory (`*.json`, not `*.events.json`), sorted by path. */
export function collectWebhookFiles(target: string): string[] {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(target);
  } catch (err) {
    throw new LoketError('CONFIG', loketMessage('cli', `${target} does not exist: give a fixture file or directory`), {
      cause: err,
    });
  }
  if (stats.isFile()) return [target];
  const files: string[] = [];
  walk(target, files);
  return files.sort((a, b) => a.localeCompare(b));
}

/** A path segment naming a channel (`fixtures/whatsapp/inbound/text.json` → whatsapp). */
export function channelFromPath(path: string, channels: readonly string[]): string | undefined {
  return path.split(sep).find((part) => channels.includes(part));
}
