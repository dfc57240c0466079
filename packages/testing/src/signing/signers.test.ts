import { describe, expect, it } from 'vitest';
import { metaJson } from './meta-json.js';
import { signMeta, signX } from './signers.js';

// RFC 4231, test case 2: HMAC-SHA256(key "Jefe", "what do ya want for nothing?").
const RFC_HEX = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';
const RFC_B64 = 'W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=';

describe('signMeta', () => {
  it('is sha256= and the lowercase hex HMAC of the bytes', () => {
    expect(signMeta('what do ya want for nothing?', 'Jefe')).toBe(`sha256=${RFC_HEX}`);
  });

  it('signs bytes and their UTF-8 string alike', () => {
    const text = '{"text":"café"}';
    expect(signMeta(new TextEncoder().encode(text), 'k')).toBe(signMeta(text, 'k'));
  });

  it('signs the escaped bytes, which differ from the re-serialized ones', () => {
    const escaped = '{"text":"caf\\u00e9"}';
    expect(signMeta(escaped, 'secret')).toBe('sha256=f4265b032a901dfaa944a8dbb19f25a24bbcd34dfeb8c1e33332f8fb700425b7');
    expect(signMeta(JSON.stringify(JSON.parse(escaped)), 'secret')).not.toBe(signMeta(escaped, 'secret'));
  });
});

describe('signX', () => {
  it('is sha256= and the base64 HMAC of the bytes', () => {
    expect(signX('what do ya want for nothing?', 'Jefe')).toBe(`sha256=${RFC_B64}`);
  });
});

describe('metaJson', () => {
  it('escapes non-ASCII as lowercase \\u units and slashes like Meta', () => {
    expect(metaJson({ text: 'café 😀', url: 'https://x.test/a' })).toBe(
      '{"text":"caf\\u00e9 \\ud83d\\ude00","url":"https:\\/\\/x.test\\/a"}',
    );
  });

  it('round-trips to the same value', () => {
    const value = { a: ['ü', { b: 'Ω/€' }], n: 1.5, t: true, z: null };
    expect(JSON.parse(metaJson(value))).toEqual(value);
    expect(metaJson(value, { escapeSlashes: false })).toContain('"\\u03a9/\\u20ac"');
  });
});
