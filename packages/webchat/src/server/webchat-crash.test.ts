import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sqliteStore } from '@loket/store-sqlite';
import { webchatClient } from '@loket/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { startWebchat } from './test-gateway.js';

const CHILD = fileURLToPath(new URL('./crash/gateway-child.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'loket-webchat-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kill -9 on SQLite', () => {
  it('a message answered 201 is in the log and reaches the handlers after the process is killed', async () => {
    const path = join(dir, 'crash.db');
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', CHILD, path]);
    const exited = new Promise((resolve) => child.once('close', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
      child.once('close', (code) => reject(new Error(`child exited early (${code})`)));
    });
    const client = webchatClient({ url });
    await client.session();
    const sent = await client.send('do not lose me', { clientMessageId: 'crash-1' });
    expect(sent.status).toBe(201);
    child.kill('SIGKILL');
    await exited;

    const seen: string[] = [];
    const t = await startWebchat({ store: sqliteStore({ path }), start: false });
    t.gateway.on('message', (event) => {
      seen.push(event.messageId);
    });
    await t.gateway.start();
    for (let i = 0; i < 500 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual([sent.body.messageId]);
    const after = webchatClient({ url: t.url, credential: client.credential });
    expect((await after.events()).body.events.map((e) => e.data.messageId)).toEqual([sent.body.messageId]);
    await t.close();
    await t.store.close();
  });
});
