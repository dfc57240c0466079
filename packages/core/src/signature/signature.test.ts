import { describe, expect, it } from 'vitest';
import { bytesEqual, hmacDigest, sameSecret } from './hmac.js';
import { readSignatureHeader } from './signature-header.js';

// RFC 4231, test case 2.
const RFC_HEX = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';
const RFC_B64 = 'W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=';
const B64 = { prefix: 'sha256=', encoding: 'base64', bytes: 32 } as const;
const HEX = { prefix: 'sha256=', encoding: 'hex', bytes: 32 } as const;

describe('hmacDigest and comparisons', () => {
  it('computes the RFC 4231 vector and compares bytes and secrets', () => {
    const mac = hmacDigest('sha256', 'Jefe', 'what do ya want for nothing?');
    expect(mac.toString('hex')).toBe(RFC_HEX);
    expect(bytesEqual(mac, Buffer.from(RFC_B64, 'base64'))).toBe(true);
    expect(bytesEqual(mac, mac.subarray(1))).toBe(false);
    expect(sameSecret('a', 'a')).toBe(true);
    expect(sameSecret('a', 'ab')).toBe(false);
  });
});

describe('readSignatureHeader', () => {
  it('decodes base64 and hex digests of the right length', () => {
    const b64 = readSignatureHeader(`sha256=${RFC_B64}`, B64);
    expect(b64.ok && b64.digest.toString('hex')).toBe(RFC_HEX);
    const hex = readSignatureHeader(`sha256=${RFC_HEX}`, HEX);
    expect(hex.ok && hex.digest.toString('base64')).toBe(RFC_B64);
  });

  it('refuses missing, unprefixed, wrong-encoding and truncated values, without echoing them', () => {
    expect(readSignatureHeader(null, B64)).toEqual({ ok: false, problem: 'is missing' });
    for (const value of [RFC_B64, `sha1=${RFC_B64}`, `sha256=${RFC_HEX}`, `sha256=${RFC_B64.slice(4)}`, 'sha256=']) {
      const read = readSignatureHeader(value, B64);
      expect(read.ok, value).toBe(false);
      if (!read.ok) expect(read.problem).not.toContain(RFC_B64.slice(4, 20));
    }
    const hexInBase64 = readSignatureHeader(`sha256=${RFC_HEX}`, B64);
    expect(!hexInBase64.ok && hexInBase64.problem).toContain('looks like hex');
  });

  it('trims only SP and HTAB, and takes only the canonical form of the digest', () => {
    expect(readSignatureHeader(` \tsha256=${RFC_B64}\t `, B64).ok).toBe(true);
    for (const value of [`sha256=${RFC_B64}\u00a0`, `\u2003sha256=${RFC_B64}`]) {
      expect(readSignatureHeader(value, B64).ok, JSON.stringify(value)).toBe(false);
    }
    expect(readSignatureHeader(`sha256=${RFC_HEX.toUpperCase()}`, HEX).ok).toBe(false);
    // The same MAC with its last character changed in bits that base64 decoding drops: not canonical.
    expect(readSignatureHeader(`sha256=${RFC_B64.slice(0, -2)}N=`, B64).ok).toBe(false);
  });
});
