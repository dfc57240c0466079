import { webchatClient } from '@loket/testing/kit';
import type { SimulateInput, SimulateResult } from './simulate-message.js';

/**
 * Plays a web chat customer: a session (a new visitor, or the visitor whose credential `--from` gives), then one
 * message through `POST messages`, as the browser client sends it.
 */
export async function simulateWebchat(input: SimulateInput, gatewayUrl: string): Promise<SimulateResult> {
  const credential = input.from?.startsWith('wc1_') ? input.from : undefined;
  const client = webchatClient({ url: gatewayUrl, ...(credential ? { credential } : {}) });
  const url = `${gatewayUrl}/webchat/v1/messages`;
  const fallback = { channel: 'webchat' as const, account: input.account ?? 'default', user: input.from ?? 'visitor' };
  try {
    const session = await client.session();
    if (session.status !== 200) {
      return {
        conversation: fallback,
        messageId: '',
        url,
        status: session.status,
        ok: false,
        verdict: `session refused: ${JSON.stringify(session.body)}`,
      };
    }
    const sent = await client.send(input.text);
    const ok = sent.status === 201 || sent.status === 200;
    return {
      conversation: session.body.conversation,
      messageId: ok ? sent.body.messageId : '',
      url,
      status: sent.status,
      ok,
      verdict: ok
        ? `stored as seq ${sent.body.seq} and queued for the handlers (visitor credential ${session.body.credential})`
        : `refused: ${JSON.stringify(sent.body)}`,
    };
  } catch (err) {
    return {
      conversation: fallback,
      messageId: '',
      url,
      status: 0,
      ok: false,
      verdict: `gateway unreachable: ${(err as Error).message}`,
    };
  }
}
