// Prelude `ref` (after `gateway`): a WhatsApp customer who just wrote, so the window is open. Exports `ref`, `to`.
const refPreludeCustomer = emulator.customer({ phoneNumberId: '106540352242922', waId: '31612345678', name: 'Ada' });
await refPreludeCustomer.say('Hallo! Where is my order?');
export const ref = { channel: 'whatsapp', account: '106540352242922', user: '31612345678' } as const;
export const to = ref;
await customerWrote(ref);
