// Prelude `signers`: a `body`, the secrets (`appSecret`, `consumerSecret`, `secret`), a WhatsApp `adapter` with
// verify token 'vt', and a `gateway` serving it.
import { createGateway as signersPreludeGateway, memoryStore as signersPreludeStore } from '@loket/core';
import { whatsapp as signersPreludeWhatsapp } from '@loket/whatsapp';

export const appSecret = 'readme-app-secret';
export const consumerSecret = 'readme-consumer-secret';
export const secret = consumerSecret;
export const body = '{"object":"whatsapp_business_account","entry":[]}';
export const adapter = signersPreludeWhatsapp({ appSecret, verifyToken: 'vt', accessToken: 'readme-token' });
export const gateway = signersPreludeGateway({ channels: [adapter], store: signersPreludeStore() });
