import type { OutboundMessage } from '@loket/core';
import { describe, expect, it } from 'vitest';
import { sendingAccount } from './graph-sending-account.js';

const message = (account: string): OutboundMessage => ({
  to: { channel: 'whatsapp', account, user: '15551234567' },
  content: { type: 'text', text: 'hi' },
});

describe('sendingAccount', () => {
  const whatsapp = { channel: 'whatsapp', option: 'phoneNumberId', noun: 'phone number' };

  it('takes to.account, else the configured account for an empty or * one', () => {
    expect(sendingAccount(message('111'), { ...whatsapp, account: '222' })).toBe('111');
    expect(sendingAccount(message('*'), { ...whatsapp, account: '222' })).toBe('222');
    expect(sendingAccount(message(''), { ...whatsapp, account: '222' })).toBe('222');
  });

  it('throws CONFIG naming the option when there is neither', () => {
    expect(() => sendingAccount(message('*'), whatsapp)).toThrow(
      '[loket] [whatsapp] no phone number to send from: set to.account or pass phoneNumberId to whatsapp({...})',
    );
    expect(() => sendingAccount(message('*'), { channel: 'messenger', option: 'pageId' })).toThrow(
      expect.objectContaining({ code: 'CONFIG', message: expect.stringContaining('no account to send from') }),
    );
  });
});
