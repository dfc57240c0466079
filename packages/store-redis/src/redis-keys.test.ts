import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyLayout } from './redis-keys.js';
import { redisStore } from './redis-store.js';
import { crc16, keySlot } from './test-support/key-slot.js';
import { deleteKeys, keysUnder, redisTestUrl, uniquePrefix } from './testing.js';

const url = await redisTestUrl();
const ref = { channel: 'webchat' as const, account: 'site:{1}', user: 'visitor}:42' };
const other = { channel: 'whatsapp' as const, account: '1234', user: '4915550001' };

describe('the Cluster slot arithmetic used below', () => {
  it('matches Redis: CRC16/XMODEM of "123456789" is 0x31C3, and "foo" hashes to slot 12182', () => {
    expect(crc16(new TextEncoder().encode('123456789'))).toBe(0x31c3);
    expect(keySlot('foo')).toBe(12182);
    expect(keySlot('{user1000}.following')).toBe(keySlot('{user1000}.followers'));
  });
});

describe('redisStore key layout', () => {
  it('puts every key of one conversation in one slot, even with braces and colons in the ids', () => {
    const keys = keyLayout('shop:');
    const mine = [keys.conversation(ref), keys.log(ref).seq, keys.log(ref).entries];
    expect(new Set(mine.map(keySlot)).size).toBe(1);
    expect(mine.every((k) => k.startsWith('shop:'))).toBe(true);
    expect(keys.conversation(ref)).not.toBe(keys.conversation({ ...ref, account: 'site', user: '{1}:visitor}:42' }));
  });

  it('puts every inbox key in one slot', () => {
    expect(new Set(Object.values(keyLayout('shop:').inbox).map(keySlot)).size).toBe(1);
  });

  it('puts every outbox key, batch lists included, in one slot apart from the inbox', () => {
    const { batch, ...outbox } = keyLayout('shop:').outbox;
    const slots = new Set([...Object.values(outbox), batch('b-1'), batch('{x}:y')].map(keySlot));
    expect(slots.size).toBe(1);
    expect(batch('a')).not.toBe(keyLayout('shop:').inbox.seq);
  });

  it('refuses a key prefix that would open a hash tag, and a missing url, with CONFIG', () => {
    expect(() => redisStore({ url: 'redis://127.0.0.1:6379', keyPrefix: 'a{b}:' })).toThrow(
      expect.objectContaining({ code: 'CONFIG', details: { option: 'keyPrefix' } }),
    );
    expect(() => redisStore({})).toThrow(expect.objectContaining({ code: 'CONFIG', details: { option: 'url' } }));
    expect(() => redisStore({})).toThrow(
      '[loket] [store-redis] url is missing: pass url (redis://host:6379) or a connected node-redis client to redisStore({...})',
    );
    expect(() => redisStore({ url: 'http://127.0.0.1:6379' })).toThrow(
      /^\[loket\] \[store-redis\] url is invalid \(not a redis:\/\/ or rediss:\/\/ URL\): .* redisStore\(/,
    );
    expect(() => redisStore({ url: 'redis://127.0.0.1:6379', keyPrefx: 'a' } as never)).toThrow(
      '[loket] [store-redis] keyPrefx is not an option of redisStore({...}) (did you mean keyPrefix?)',
    );
  });
});

describe.skipIf(url === undefined)('redisStore keys on a real server', () => {
  let prefix: string;
  beforeEach(() => {
    prefix = uniquePrefix();
  });
  afterEach(() => deleteKeys(url!, prefix));

  it('writes one conversation’s state and log into one hash slot', async () => {
    const store = redisStore({ url: url!, keyPrefix: prefix });
    await store.conversations.recordInbound(ref, 1000);
    await store.conversations.setConsent(ref, { topic: '*', status: 'granted', source: 'api', at: 1 });
    await store.log.append(ref, { at: 1, kind: 'in', data: { text: 'hi' }, key: 'c1' });
    await store.conversations.recordInbound(other, 1000);
    await store.log.append(other, { at: 1, kind: 'in', data: null });
    await store.close();

    const keys = await keysUnder(url!, prefix);
    const ofRef = keys.filter((k) => k.includes(encodeURIComponent(ref.user)));
    expect(ofRef.sort()).toEqual(
      [keyLayout(prefix).conversation(ref), ...Object.values(keyLayout(prefix).log(ref))].sort(),
    );
    expect(new Set(ofRef.map(keySlot)).size).toBe(1);
  });
});
