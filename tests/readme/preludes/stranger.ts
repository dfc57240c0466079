// Prelude `stranger` (after `gateway`): `to`, a WhatsApp number that never wrote (no window, no consent).
export const to = { channel: 'whatsapp', account: '106540352242922', user: '31699999999' } as const;
