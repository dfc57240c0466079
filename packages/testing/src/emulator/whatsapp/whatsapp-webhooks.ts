import { graphErrorDetails, graphErrorTitle } from '../graph/graph-error.js';

/** The business number a webhook is addressed to. */
export interface WhatsAppAccount {
  phoneNumberId: string;
  /** Default `100000000000001`. */
  wabaId?: string;
  /** Digits, no `+` (default `15550001234`). */
  displayPhoneNumber?: string;
}

const seconds = (ms: number): string => String(Math.floor(ms / 1000));

/** The business number's display digits. */
export function displayNumber(account: WhatsAppAccount): string {
  return account.displayPhoneNumber ?? '15550001234';
}

/** The envelope of every WhatsApp webhook: one entry, one `messages` change (PLATFORM_RULES §1.4). */
export function whatsappEnvelope(account: WhatsAppAccount, value: Record<string, unknown>): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: account.wabaId ?? '100000000000001',
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: displayNumber(account), phone_number_id: account.phoneNumberId },
              ...value,
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

/** A customer's message (`value.contacts` + `value.messages`); `message` holds `type` and its object. */
export function customerMessageValue(
  customer: { waId: string; name?: string },
  message: Record<string, unknown>,
  meta: { id: string; at: number },
): Record<string, unknown> {
  return {
    contacts: [{ profile: { name: customer.name ?? customer.waId }, wa_id: customer.waId }],
    messages: [{ from: customer.waId, id: meta.id, timestamp: seconds(meta.at), ...message }],
  };
}

/** What a status webhook describes. */
export interface StatusInit {
  id: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  recipient: string;
  at: number;
  /** Pricing category (sent and delivered carry pricing; failed never does). */
  category?: string;
  error?: { code: number; details?: string };
}

/** A `value.statuses[]` update for a message the business sent. */
export function statusValue(init: StatusInit): Record<string, unknown> {
  const status: Record<string, unknown> = {
    id: init.id,
    status: init.status,
    timestamp: seconds(init.at),
    recipient_id: init.recipient.replace(/\D/g, ''),
  };
  if (init.status === 'sent' || init.status === 'delivered') {
    const category = init.category ?? 'service';
    const type = category === 'service' ? 'free_customer_service' : 'regular';
    status.pricing = { billable: category !== 'service', pricing_model: 'PMP', category, type };
  }
  if (init.error) {
    const { code } = init.error;
    status.errors = [
      {
        code,
        title: graphErrorTitle(code),
        message: graphErrorTitle(code),
        error_data: { details: init.error.details ?? graphErrorDetails(code) },
        href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
      },
    ];
  }
  return { statuses: [status] };
}
