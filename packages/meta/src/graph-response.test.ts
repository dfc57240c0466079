import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expectGraphResponse } from './graph-response.js';

describe('expectGraphResponse', () => {
  const schema = z.object({ message_id: z.string() });

  it('answers the parsed body, or throws PLATFORM_ERROR with the body in details', () => {
    expect(expectGraphResponse(schema, { message_id: 'm.1' }, { channel: 'messenger' })).toEqual({ message_id: 'm.1' });
    expect(() => expectGraphResponse(schema, { id: 1 }, { channel: 'whatsapp', retryable: false })).toThrow(
      expect.objectContaining({
        code: 'PLATFORM_ERROR',
        retryable: false,
        details: { body: { id: 1 } },
        message: '[loket] [whatsapp] the Graph API accepted the request but answered in an unexpected shape',
      }),
    );
  });
});
