import { LoketError } from '@loket/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GRAPH_VERSION, graphBaseUrl } from './graph-url.js';

describe('graphBaseUrl', () => {
  it('defaults to graph.facebook.com and v25.0', () => {
    expect(DEFAULT_GRAPH_VERSION).toBe('v25.0');
    expect(graphBaseUrl()).toBe('https://graph.facebook.com/v25.0');
  });

  it('takes another version and base URL (trailing slashes dropped, path prefix kept)', () => {
    expect(graphBaseUrl({ graphVersion: 'v26.0' })).toBe('https://graph.facebook.com/v26.0');
    expect(graphBaseUrl({ apiBaseUrl: 'http://127.0.0.1:4010/graph/', graphVersion: 'v24.0' })).toBe(
      'http://127.0.0.1:4010/graph/v24.0',
    );
  });

  it.each(['25.0', 'v25', 'latest', 'v25.0/', 'V25.0'])('refuses the version %s with CONFIG', (graphVersion) => {
    try {
      graphBaseUrl({ graphVersion, channel: 'messenger' });
      expect.unreachable();
    } catch (err) {
      expect(LoketError.is(err) && err.code).toBe('CONFIG');
      expect((err as Error).message).toBe(
        `[loket] [messenger] graphVersion "${graphVersion}" is not a Graph API version: use the form v25.0`,
      );
    }
  });

  it('refuses a base URL that is not http(s)', () => {
    expect(() => graphBaseUrl({ apiBaseUrl: 'graph.facebook.com' })).toThrow(/apiBaseUrl .* is not an http\(s\) URL/);
    expect(() => graphBaseUrl({ apiBaseUrl: 'ftp://graph.facebook.com' })).toThrow(LoketError);
  });
});
