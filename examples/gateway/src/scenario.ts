import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type Content,
  type ConversationRef,
  createGateway,
  type InboundEvent,
  LoketError,
  memoryStore,
} from '@loket/core';
import { createEmulator } from '@loket/testing/kit';
import { whatsapp } from '@loket/whatsapp';

const APP_SECRET = 'example-app-secret';
const VERIFY_TOKEN = 'example-verify-token';
const PHONE_NUMBER_ID = '106540352242922';

/** What the scenario saw, for the test and for the summary line. */
export interface ScenarioResult {
  events: InboundEvent[];
  sentTypes: string[];
  refusals: string[];
}

/**
 * A customer writes, the gateway answers (four buttons become a WhatsApp list), the customer picks a row, statuses
 * come back; then the business tries to write first to someone who never wrote, and is told what is allowed.
 */
export async function runScenario(print: (line: string) => void): Promise<ScenarioResult> {
  const result: ScenarioResult = { events: [], sentTypes: [], refusals: [] };
  const emulator = await createEmulator({ appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN, autoStatuses: true });
  const gateway = createGateway({
    channels: [
      whatsapp({
        appSecret: APP_SECRET,
        verifyToken: VERIFY_TOKEN,
        accessToken: 'example-token',
        apiBaseUrl: emulator.url,
      }),
    ],
    store: memoryStore(),
  });

  gateway.on('*', (event) => {
    result.events.push(event);
    print(`  event   ${describe(event)}`);
  });
  gateway.on('message', async (event, ctx) => {
    if (event.content.type === 'text') {
      const receipt = await ctx.reply({
        type: 'buttons',
        text: `Hi ${event.from.name ?? 'there'}! What can we do for you?`,
        buttons: [
          { id: 'track', title: 'Track my parcel' },
          { id: 'return', title: 'Return an item' },
          { id: 'invoice', title: 'Send my invoice' },
          { id: 'agent', title: 'Talk to a person' },
        ],
      });
      print(`  reply   4 buttons sent${receipt.degraded ? ' (degraded: WhatsApp shows at most 3, so a list)' : ''}`);
    } else if (event.content.type === 'choice') {
      await ctx.reply({ type: 'text', text: `You chose "${event.content.title}". Parcel 1042 arrives tomorrow.` });
    }
  });
  emulator.on('sent', (sent) => {
    result.sentTypes.push(sent.type);
    print(`  graph   POST /${sent.account}/messages type=${sent.type} → ${sent.id}`);
  });

  const server = createServer(gateway.node);
  await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve));
  emulator.gatewayUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await gateway.start();
  print(`gateway on ${emulator.gatewayUrl}/webhooks/whatsapp, Graph API emulator on ${emulator.url}`);

  try {
    const handshake = await emulator.verifyWebhook();
    print(`\nMeta checks the webhook (hub.challenge): ${handshake.status}`);

    const ada = emulator.customer({ phoneNumberId: PHONE_NUMBER_ID, waId: '31612345678', name: 'Ada' });
    print('\nAda writes "Hallo! Where is my order?"');
    print(`  webhook acknowledged: ${await ada.say('Hallo! Where is my order?')}`);
    const [menu] = await emulator.waitForSent(1);
    await emulator.flush();

    print('\nAda picks "Track my parcel" from the list');
    await ada.choose('track', 'Track my parcel', { list: true, replyTo: menu?.id });
    await emulator.waitForSent(2);
    await emulator.flush();

    const bob: ConversationRef = { channel: 'whatsapp', account: PHONE_NUMBER_ID, user: '31687654321' };
    print('\nThe business writes first to Bob, who never wrote:');
    await attempt(print, result, 'free-form text', () =>
      gateway.send({ to: bob, content: { type: 'text', text: 'Your parcel has shipped' } }),
    );
    const template: Content = { type: 'template', name: 'shipping_update', language: 'en', parameters: ['1042'] };
    await attempt(print, result, 'template without consent', () =>
      gateway.send({ to: bob, content: template, topic: 'shipping' }),
    );
    await gateway.consent.grant(bob, { topic: 'shipping', source: 'checkout-form' });
    await attempt(print, result, 'template after consent', () =>
      gateway.send({ to: bob, content: template, topic: 'shipping' }),
    );
    await emulator.flush();
  } finally {
    await gateway.close();
    await new Promise((resolve) => server.close(resolve));
    await emulator.close();
  }
  return result;
}

async function attempt(
  print: (line: string) => void,
  result: ScenarioResult,
  label: string,
  send: () => Promise<unknown>,
): Promise<void> {
  try {
    await send();
    print(`  ${label}: accepted`);
  } catch (err) {
    if (!LoketError.is(err)) throw err;
    result.refusals.push(err.code);
    print(`  ${label}: refused ${err.code}: ${err.message}`);
  }
}

function describe(event: InboundEvent): string {
  switch (event.type) {
    case 'message':
      return `message from ${event.from.name ?? event.from.id}: ${event.content.type === 'text' ? `"${event.content.text}"` : `${event.content.type}${event.content.type === 'choice' ? ` ${event.content.id}` : ''}`}`;
    case 'status':
      return `status ${event.status} for ${event.messageId}`;
    default:
      return event.type;
  }
}
