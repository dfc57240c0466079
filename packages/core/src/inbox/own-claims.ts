/** A claim this process took whose release or completion could not be stored (the store was down). */
export interface OwnClaim {
  token: string;
  /** The handlers ran: the next try only has to store the completion. */
  handled: boolean;
  /** When the claim expires in the store (by the worker's clock). */
  until: number;
}

/** Claims are swept of expired entries when there are more than this many. */
const SWEEP_ABOVE = 1000;

/**
 * The claims this process still holds but could not finish in the store. The item's next try in this process finds
 * its own claim here instead of refusing itself until the claim expires; an entry lives as long as its claim.
 */
export interface OwnClaims {
  /** Takes the live entry for `key` out (undefined when there is none or it expired). */
  take(key: string): OwnClaim | undefined;
  keep(key: string, claim: OwnClaim): void;
}

/** Creates an empty {@link OwnClaims} on the worker's clock. */
export function createOwnClaims(now: () => number): OwnClaims {
  const claims = new Map<string, OwnClaim>();
  return {
    take(key) {
      const claim = claims.get(key);
      claims.delete(key);
      return claim && claim.until > now() ? claim : undefined;
    },
    keep(key, claim) {
      const at = now();
      if (claims.size >= SWEEP_ABOVE) for (const [k, c] of claims) if (c.until <= at) claims.delete(k);
      claims.set(key, claim);
    },
  };
}
