import { afterEach, describe, expect, it } from 'vitest';
import { startWebchat, type TestGateway } from './test-gateway.js';

let t: TestGateway | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('GET widget.js', () => {
  it('serves the bundle as JavaScript with an ETag, and 304 for a matching If-None-Match', async () => {
    t = await startWebchat({ webchat: { widget: () => ({ code: 'window.Loket=1;', etag: '"w1"' }) } });
    const answer = await fetch(`${t.url}/webchat/v1/widget.js`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/javascript');
    expect(await answer.text()).toBe('window.Loket=1;');
    const again = await fetch(`${t.url}/webchat/v1/widget.js`, { headers: { 'if-none-match': '"w1"' } });
    expect(again.status).toBe(304);
  });

  it('answers 404 saying how to build it when this install has no bundle', async () => {
    t = await startWebchat({ webchat: { widget: () => undefined } });
    const answer = await t.client().request('GET', 'widget.js');
    expect(answer.status).toBe(404);
    expect(String(answer.body.message)).toContain('npm run build');
  });
});
