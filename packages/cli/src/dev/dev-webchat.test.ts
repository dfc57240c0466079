import { webchatClient } from '@loket/testing/kit';
import { afterEach, describe, expect, it } from 'vitest';
import { simulateCommand } from '../simulate/simulate-command.js';
import type { ConversationView } from './conversations.js';
import type { DevServer } from './start-dev.js';
import { startTestDev } from '../test-support/test-dev.js';

let dev: DevServer | undefined;
afterEach(async () => {
  await dev?.close();
  dev = undefined;
});

describe('loket dev with the web chat', () => {
  it('serves the web chat on the dev port (HTTP and WebSocket), echoes, and lists the conversation in the console', async () => {
    dev = await startTestDev();
    expect(dev.channels.map((c) => c.channel)).toContain('webchat');
    const client = webchatClient({ url: dev.url });
    const { conversation } = (await client.session()).body;
    const stream = await client.stream();
    await stream.frames.next((f) => f.t === 'ready');
    expect((await client.send('hallo')).status).toBe(201);
    const echo = await stream.frames.next(
      (f) =>
        f.t === 'event' && f.e?.data.author !== undefined && (f.e.data.author as { kind: string }).kind !== 'customer',
    );
    expect(echo.e?.data.content).toEqual({ type: 'text', text: 'Echo: hallo' });
    await stream.close();
    const listed = (await (await fetch(`${dev.url}/console/api/conversations`)).json()) as
      | { conversations?: ConversationView[] }
      | ConversationView[];
    const views = Array.isArray(listed) ? listed : (listed.conversations ?? []);
    expect(views.map((v) => v.ref)).toContainEqual(conversation);
  });

  it('loket simulate webchat "hi" plays a visitor against the dev server', async () => {
    dev = await startTestDev();
    const out: string[] = [];
    const io = {
      out: (line: string) => out.push(line),
      err: (line: string) => out.push(line),
      cwd: process.cwd(),
      env: {},
    };
    const code = await simulateCommand(['webchat', 'hi', '--url', dev.url, '--wait', '0'], io as never);
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('201');
  });
});
