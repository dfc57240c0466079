// Prelude `messenger-customer` (after `gateway`): the Messenger customer of the README's example wrote to the Page.
const messengerPreludeRef = { channel: 'messenger', account: '104857600123456', user: '7012345678901234' } as const;
await emulator
  .messengerCustomer({ account: messengerPreludeRef.account, user: messengerPreludeRef.user })
  .say('Hello?');
await customerWrote(messengerPreludeRef);
