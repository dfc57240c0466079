// Prelude `instagram-to` (after `gateway`): `to`, an Instagram customer who just wrote to the account.
export const to = { channel: 'instagram', account: '17841400000000001', user: '6523456789012345' } as const;
await emulator.instagramCustomer({ account: to.account, user: to.user }).say('Do you have this in 42?');
await customerWrote(to);
