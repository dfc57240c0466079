/** Which X secret keys a pasted header (`Header: value`), or undefined when the header was not named. */
export function xHeaderSecret(pastedHeader: string | undefined): 'client' | 'consumer' | undefined {
  if (!pastedHeader) return undefined;
  if (/^x-twitter-webhooks-signature-oauth2$/i.test(pastedHeader)) return 'client';
  return /^x-twitter-webhooks-signature$/i.test(pastedHeader) ? 'consumer' : undefined;
}

/**
 * What to say when an X signature matches neither secret given: X keys `X-Twitter-Webhooks-Signature-OAuth2` with
 * the app's OAuth 2.0 client secret and `X-Twitter-Webhooks-Signature` with the consumer (API key) secret; a
 * signature that matches the other secret means the two were swapped.
 */
export function xSecretHints(pastedHeader: string | undefined, matchesOther: boolean): string[] {
  const keyed = xHeaderSecret(pastedHeader);
  const hints: string[] = [];
  if (matchesOther) {
    hints.push(
      'It matches --other-secret: the secrets are swapped. X signs X-Twitter-Webhooks-Signature-OAuth2 with the OAuth 2.0 client secret (clientSecret) and X-Twitter-Webhooks-Signature with the consumer secret (consumerSecret).',
    );
    return hints;
  }
  if (keyed === 'client')
    hints.push('This is the -OAuth2 header: it is keyed with the OAuth 2.0 client secret, not the consumer secret.');
  if (keyed === 'consumer')
    hints.push(
      'This is the legacy header: it is keyed with the consumer (API key) secret, not the OAuth 2.0 client secret.',
    );
  hints.push('Pass the other one as --other-secret to check whether the two were swapped.');
  return hints;
}
