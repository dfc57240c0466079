/**
 * Removes configured secrets from text that came from X or from an error (a body may echo a token back), before it
 * reaches a message or a log. Transitional: core's own secret scrubbing replaces this once it lands.
 */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 6) out = out.split(secret).join('[redacted]');
  return out;
}
