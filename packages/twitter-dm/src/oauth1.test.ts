import { describe, expect, it } from 'vitest';
import { oauth1Header, oauth1Params, percentEncode } from './oauth1.js';

// X's published OAuth 1.0a example (PLATFORM_RULES 4.9).
const KEYS = {
  consumerKey: 'xvz1evFS4wEEPTGEFPHBog',
  consumerSecret: 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw',
  token: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb',
  tokenSecret: 'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE',
};
const REQUEST = {
  method: 'POST',
  url: 'https://api.twitter.com/1.1/statuses/update.json?include_entities=true',
  form: { status: 'Hello Ladies + Gentlemen, a signed OAuth request!' },
  nonce: 'kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg',
  timestamp: 1318622958,
};

describe('OAuth 1.0a', () => {
  it("passes X's published test vector", () => {
    expect(oauth1Params(REQUEST, KEYS).oauth_signature).toBe('hCtSmYh+iHYCEqBWrE7C7hYmtUk=');
  });

  it('sends the oauth_* parameters, percent-encoded, in the Authorization header', () => {
    const header = oauth1Header(REQUEST, KEYS);
    expect(header.startsWith('OAuth ')).toBe(true);
    expect(header).toContain('oauth_signature="hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D"');
    expect(header).toContain('oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog"');
    expect(header).not.toContain('status=');
  });

  it('encodes per RFC 3986 and signs a different request differently', () => {
    expect(percentEncode("a b!*'()~")).toBe('a%20b%21%2A%27%28%29~');
    const other = oauth1Params({ ...REQUEST, method: 'GET' }, KEYS).oauth_signature;
    expect(other).not.toBe('hCtSmYh+iHYCEqBWrE7C7hYmtUk=');
    const fresh = [
      oauth1Params({ method: 'GET', url: REQUEST.url }, KEYS),
      oauth1Params({ method: 'GET', url: REQUEST.url }, KEYS),
    ];
    expect(fresh[0]?.oauth_nonce).not.toBe(fresh[1]?.oauth_nonce);
  });
});
