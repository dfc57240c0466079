import { metaJson } from '../../signing/meta-json.js';
import { customerMessageValue, whatsappEnvelope } from './whatsapp-webhooks.js';

/** What {@link whatsappTextWebhook} builds. */
export interface WhatsAppTextWebhookInit {
  /** The business number the webhook is addressed to. */
  phoneNumberId: string;
  /** The customer's wa_id (digits). */
  waId: string;
  name?: string;
  text: string;
  /** The message's wamid: the event id the gateway dedupes on. */
  id: string;
  /** When it was sent, ms (default now). */
  at?: number;
}

/**
 * The body of a WhatsApp text webhook exactly as Meta serializes it (compact, non-ASCII escaped), ready to sign
 * with `signMeta`: for load tests, benchmarks and crash tests that need many distinct, realistic webhooks.
 *
 * @example
 * const body = whatsappTextWebhook({ phoneNumberId: '1065…', waId: '316…', text: 'hi', id: 'wamid.1' });
 * await fetch(url, { method: 'POST', body, headers: { 'x-hub-signature-256': signMeta(body, appSecret) } });
 */
export function whatsappTextWebhook(init: WhatsAppTextWebhookInit): string {
  const value = customerMessageValue(
    { waId: init.waId, name: init.name },
    { type: 'text', text: { body: init.text } },
    { id: init.id, at: init.at ?? Date.now() },
  );
  return metaJson(whatsappEnvelope({ phoneNumberId: init.phoneNumberId }, value));
}
