import { z } from 'zod';

const bucUsageSchema = z.record(
  z.string(),
  z.array(z.object({ estimated_time_to_regain_access: z.number().nonnegative().optional() }).loose()),
);

/**
 * How long Graph asked us to wait, in ms: `Retry-After` (seconds or an HTTP date), else the largest
 * `estimated_time_to_regain_access` (minutes) in `X-Business-Use-Case-Usage`. Undefined when neither says.
 */
export function graphRetryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  return (
    retryAfterHeaderMs(headers.get('retry-after'), now) ?? businessUseCaseMs(headers.get('x-business-use-case-usage'))
  );
}

function retryAfterHeaderMs(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function businessUseCaseMs(value: string | null): number | undefined {
  if (value === null) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return undefined; // a malformed usage header only means we fall back to backoff
  }
  const parsed = bucUsageSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const minutes = Object.values(parsed.data)
    .flat()
    .map((usage) => usage.estimated_time_to_regain_access ?? 0);
  const max = Math.max(0, ...minutes);
  return max > 0 ? max * 60_000 : undefined;
}
