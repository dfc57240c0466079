import { BODY_ALREADY_READ } from '@loket/core';
import type { WebhookCheck } from './check-webhook.js';

/** What a POST got back (or why it got nothing). */
export type PostAnswer = { status: number; text: string } | { error: string };

/**
 * The check for a gateway that answered "a body parser ran before Loket" (500 `CONFIG`, reason
 * `body-already-read`), or undefined for any other answer. Such a gateway refuses every POST before it looks at
 * the signature, so the app secret is not to blame: the check says so and passes on the gateway's own fix.
 */
export function bodyParserCheck(answer: PostAnswer): WebhookCheck | undefined {
  if ('error' in answer || answer.status !== 500) return undefined;
  let said: { reason?: unknown; fix?: unknown; message?: unknown } | null;
  try {
    said = JSON.parse(answer.text) as typeof said;
  } catch {
    return undefined;
  }
  if (said?.reason !== BODY_ALREADY_READ) return undefined;
  const fix = typeof said.fix === 'string' ? said.fix : typeof said.message === 'string' ? said.message : undefined;
  return {
    name: 'body parser',
    result: 'fail',
    detail: `a body parser read the body before Loket, so no signature can be checked (the app secret is not the problem)${fix ? `. Fix: ${fix}` : ''}`,
  };
}
