/** A token bucket: `capacity` tokens, refilled at `perMs` tokens per millisecond. */
export interface TokenBucket {
  capacity: number;
  perMs: number;
  tokens: number;
  updatedAt: number;
}

// Float refills land a hair under whole numbers; a billionth of a token is not worth a second wait.
const EPSILON = 1e-9;

/** A full bucket. */
export function createBucket(capacity: number, perMs: number, now: number): TokenBucket {
  return { capacity, perMs, tokens: capacity, updatedAt: now };
}

function refill(bucket: TokenBucket, now: number): void {
  if (now > bucket.updatedAt) {
    bucket.tokens = Math.min(bucket.capacity, bucket.tokens + (now - bucket.updatedAt) * bucket.perMs);
    bucket.updatedAt = now;
  }
}

/** How long until a token is there (0: now). */
export function waitForToken(bucket: TokenBucket, now: number): number {
  refill(bucket, now);
  const missing = 1 - bucket.tokens;
  return missing <= EPSILON ? 0 : Math.ceil(missing / bucket.perMs);
}

/** Takes a token (call after {@link waitForToken} answered 0). */
export function takeToken(bucket: TokenBucket, now: number): void {
  refill(bucket, now);
  bucket.tokens -= 1;
}

/** A full bucket is the same as no bucket: it can be dropped without changing any answer. */
export function isFull(bucket: TokenBucket, now: number): boolean {
  refill(bucket, now);
  return bucket.tokens >= bucket.capacity - EPSILON;
}
