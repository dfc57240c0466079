import type { WebchatContext } from './webchat-context.js';
import { WebchatHttpError } from './webchat-http.js';

const MINUTE_MS = 60_000;

/** Takes one unit of a per-minute allowance shared by every process on the store; 429 with Retry-After otherwise. */
export async function takeRate(ctx: WebchatContext, key: string, perMinute: number, what: string): Promise<void> {
  const waitMs = await ctx.rates.take(`webchat:rate:${key}`, { count: perMinute, windowMs: MINUTE_MS });
  if (waitMs > 0) {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    throw new WebchatHttpError('rate_limited', `too many ${what}: retry in ${seconds} s`, {
      'retry-after': String(seconds),
    });
  }
}

/** The client address a per-IP limit counts by: the socket peer on node, else the first forwarded hop. */
export function clientAddress(headers: Headers, remoteAddress: string | undefined): string {
  return remoteAddress ?? headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? 'unknown';
}
