import { describe, expect, it } from 'vitest';
import { canonicalJson, stableHash, stableId } from './stable-id.js';

describe('stableId', () => {
  it('joins the parts with colons, keeping empty positions', () => {
    expect(stableId('wamid.HBg', 'read')).toBe('wamid.HBg:read');
    expect(stableId('consent', '100', undefined, 7)).toBe('consent:100::7');
  });
});

describe('stableHash', () => {
  it('is the same for the same value whatever the key order', () => {
    expect(stableHash({ a: 1, b: { c: [1, 'x'], d: null } })).toBe(stableHash({ b: { d: null, c: [1, 'x'] }, a: 1 }));
    expect(canonicalJson({ b: 1, a: [true, null] })).toBe('{"a":[true,null],"b":1}');
  });

  it('differs for different values and is 32 hex digits', () => {
    const a = stableHash({ code: 131000 });
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(stableHash({ code: 131001 })).not.toBe(a);
    expect(stableHash([1, 2])).not.toBe(stableHash([2, 1]));
  });
});
