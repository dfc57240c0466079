import { type ChannelId, LoketError, loketMessage } from '@loket/core';
import type { EmulatorChannel } from './emulator-channel.js';
import type { WebhookDelivery } from './emulator-types.js';

/** What the sender needs from the emulator. */
export interface WebhookSenderDeps {
  channels: readonly EmulatorChannel[];
  appSecret: string;
  gatewayUrl(): string | undefined;
  now(): number;
  onDelivery(delivery: WebhookDelivery): void;
}

/** Signs and POSTs one webhook body; resolves with the gateway's HTTP status. */
export type DeliverWebhook = (channel: ChannelId, kind: string, value: unknown) => Promise<number>;

/**
 * Serializes a webhook body the way the platform does, signs exactly those bytes, POSTs them to
 * `<gatewayUrl>/webhooks/<channel>` and answers the gateway's HTTP status. Every attempt is reported.
 */
export function createWebhookSender(deps: WebhookSenderDeps): DeliverWebhook {
  return async (channel, kind, value) => {
    const module = deps.channels.find((c) => c.channel === channel);
    const base = deps.gatewayUrl();
    const body = module ? module.serialize(value) : JSON.stringify(value);
    const url = base === undefined ? '' : `${base.replace(/\/$/, '')}/webhooks/${channel}`;
    const report = (status: number, error?: string): void =>
      deps.onDelivery({ channel, kind, url, body, status, at: deps.now(), ...(error ? { error } : {}) });

    if (!module || base === undefined) {
      const reason = module
        ? 'gatewayUrl is not set: pass it to createEmulator({...}) or set emulator.gatewayUrl'
        : `channel ${channel} is not emulated`;
      report(0, reason);
      throw new LoketError('CONFIG', loketMessage('emulator', reason), { channel });
    }
    const headers = {
      'content-type': 'application/json',
      ...module.webhookHeaders(body, { appSecret: deps.appSecret }),
    };
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers, body });
    } catch (err) {
      report(0, err instanceof Error ? err.message : String(err));
      throw new LoketError('NETWORK', loketMessage('emulator', `the gateway at ${url} cannot be reached`), {
        cause: err,
        channel,
      });
    }
    await response.arrayBuffer();
    report(response.status);
    return response.status;
  };
}
