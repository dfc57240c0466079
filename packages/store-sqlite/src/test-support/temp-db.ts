import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder for database files, and the function that removes it. */
export function tempDir(): { file: (name?: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'loket-sqlite-'));
  return {
    file: (name = 'loket.db') => join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A verified request as the gateway would enqueue it. */
export function entry(body: string) {
  return {
    channel: 'whatsapp' as const,
    request: {
      method: 'POST',
      url: '/webhooks/whatsapp',
      headers: { 'x-hub-signature-256': 'sha256=ab' },
      body: new TextEncoder().encode(body),
    },
    receivedAt: 1_700_000_000_000,
  };
}

/** The entry the crash test's child enqueues as item `n`: bytes that are not UTF-8, so a lossy copy shows. */
export function crashEntry(n: number) {
  return {
    channel: 'whatsapp' as const,
    request: {
      method: 'POST',
      url: `/webhooks/whatsapp?n=${n}`,
      headers: {},
      body: Uint8Array.from([n % 256, 0xff, 0x00]),
    },
    receivedAt: n,
  };
}
