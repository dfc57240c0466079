// Prelude `refs`: `whatsappRef` and `messengerRef`, one customer's conversations on two channels.
export const whatsappRef = { channel: 'whatsapp', account: '106540352242922', user: '31612345678' } as const;
export const messengerRef = { channel: 'messenger', account: '104857600123456', user: '7012345678901234' } as const;
