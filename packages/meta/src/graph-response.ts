import { LoketError, loketMessage } from '@loket/core';
import type { z } from 'zod';

/**
 * Checks the body of a successful Graph answer against the shape the call expects, and answers it parsed. A body
 * that does not fit is a `PLATFORM_ERROR` with the body in `details`: the request was accepted, so the caller
 * decides whether a retry could send twice (`retryable`; by default the code's own).
 *
 * @example
 * const sent = expectGraphResponse(sendResponseSchema, res.body, { channel: 'whatsapp', retryable: false });
 */
export function expectGraphResponse<T extends z.ZodType>(
  schema: T,
  body: unknown,
  options: { channel: string; retryable?: boolean },
): z.output<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const { channel, retryable } = options;
  const text = 'the Graph API accepted the request but answered in an unexpected shape';
  throw new LoketError('PLATFORM_ERROR', loketMessage(channel, text), { channel, retryable, details: { body } });
}
