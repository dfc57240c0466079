import { createEmulator } from '@loket/testing/kit';
import type { RunningExample } from './start-example.js';

/** What a WhatsApp round trip through an example showed. */
export interface RoundTrip {
  /** The status of Meta's `hub.challenge` handshake. */
  handshake: number;
  /** The status the signed customer webhook got. */
  ack: number;
  /** The body of the reply the example sent to the (emulated) Cloud API. */
  reply: unknown;
}

const SECRETS = {
  WHATSAPP_APP_SECRET: 'framework-app-secret',
  WHATSAPP_VERIFY_TOKEN: 'framework-verify-token',
  WHATSAPP_ACCESS_TOKEN: 'framework-access-token',
};

/**
 * Starts an example against the platform emulator and drives it as Meta would: the subscription handshake, one
 * correctly signed customer text, then waits for the reply the example's handler sends back.
 */
export async function whatsappRoundTrip(
  start: (env: Record<string, string>) => Promise<RunningExample>,
  text: string,
): Promise<RoundTrip & { example: RunningExample }> {
  const emulator = await createEmulator({
    appSecret: SECRETS.WHATSAPP_APP_SECRET,
    verifyToken: SECRETS.WHATSAPP_VERIFY_TOKEN,
  });
  try {
    const example = await start({ ...SECRETS, WHATSAPP_API_BASE_URL: emulator.url });
    emulator.gatewayUrl = example.origin;
    const handshake = (await emulator.verifyWebhook()).status;
    const ack = await emulator.customer({ phoneNumberId: '106540352242922', waId: '31612345678' }).say(text);
    const [sent] = await emulator.waitForSent(1);
    return { handshake, ack, reply: sent?.body, example };
  } finally {
    await emulator.close();
  }
}
