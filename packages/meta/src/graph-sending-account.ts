import { LoketError, loketMessage, type OutboundMessage } from '@loket/core';

/** Where {@link sendingAccount} falls back to, and how its error names the option. */
export interface SendingAccountOptions {
  /** The channel, which is also the factory the option is passed to (`whatsapp({...})`). */
  channel: string;
  /** The configured account: the `phoneNumberId`, `pageId` or `accountId` option. */
  account?: string;
  /** The option that sets it, for the error message. */
  option: string;
  /** What the product calls an account, for the error message (`phone number`); `account` by default. */
  noun?: string;
}

/**
 * The Graph node a message is sent from: `to.account`, else the configured account when `to.account` is empty or
 * `*`. Throws `CONFIG` naming the option when there is neither.
 *
 * @example
 * const account = sendingAccount(message, { channel: 'messenger', account: options.pageId, option: 'pageId' });
 * await graph.request({ method: 'POST', path: `/${account}/messages`, json });
 */
export function sendingAccount(message: OutboundMessage, options: SendingAccountOptions): string {
  const { channel } = options;
  const account = message.to.account && message.to.account !== '*' ? message.to.account : options.account;
  if (account) return account;
  const text = `no ${options.noun ?? 'account'} to send from: set to.account or pass ${options.option} to ${channel}({...})`;
  throw new LoketError('CONFIG', loketMessage(channel, text), { channel });
}
