import { describe, expect, it } from 'vitest';
import { readMetaWebhookJson } from './meta-webhook-json.js';

describe('readMetaWebhookJson', () => {
  it('decodes the bytes as UTF-8 JSON, or throws BAD_REQUEST', () => {
    expect(readMetaWebhookJson(new TextEncoder().encode('{"text":"Gr\\u00fc\\u00dfe"}'), 'instagram')).toEqual({
      text: 'Grüße',
    });
    expect(() => readMetaWebhookJson(new TextEncoder().encode('{'), 'instagram')).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST', message: '[loket] [instagram] webhook body is not JSON' }),
    );
  });
});
