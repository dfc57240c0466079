import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { type Content, type ConversationRef, createGateway, type InboundEvent, LoketError } from '@loket/core';
import { instagram } from '@loket/instagram';
import { messenger } from '@loket/messenger';
import { sqliteStore } from '@loket/store-sqlite';
import { createEmulator } from '@loket/testing/kit';
import { whatsapp } from '@loket/whatsapp';

const APP_SECRET = 'example-app-secret';
const VERIFY_TOKEN = 'example-verify-token';
const PHONE_NUMBER_ID = '106540352242922';
const PAGE_ID = '104857600123456';
const IG_ACCOUNT_ID = '17841400008460056';

/** What the scenario saw, for the test and for the summary line. */
export interface ScenarioResult {
  events: InboundEvent[];
  /** What the emulator accepted, as `<channel> <type>`, in order. */
  sent: string[];
  refusals: string[];
}

/**
 * One gateway serves WhatsApp, Messenger and Instagram. On each, a customer writes and the gateway answers with
 * the same four buttons: WhatsApp shows a list, Messenger and Instagram quick replies. The customer picks one,
 * delivery and read receipts come back; then the business tries to write first to someone who never wrote, and is
 * told what is allowed.
 */
export async function runScenario(
  print: (line: string) => void,
  options: { storePath?: string } = {},
): Promise<ScenarioResult> {
  const result: ScenarioResult = { events: [], sent: [], refusals: [] };
  // The durable default store, on a fresh file each run so the story starts from the beginning.
  const storePath = options.storePath ?? '.loket/example-gateway.db';
  mkdirSync(dirname(storePath), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) rmSync(storePath + suffix, { force: true });
  const store = sqliteStore({ path: storePath });
  const emulator = await createEmulator({ appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN, autoStatuses: true });
  const secrets = {
    appSecret: APP_SECRET,
    verifyToken: VERIFY_TOKEN,
    accessToken: 'example-token',
    apiBaseUrl: emulator.url,
  };
  const gateway = createGateway({
    channels: [whatsapp(secrets), messenger(secrets), instagram(secrets)],
    store,
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
      const shown = event.channel === 'whatsapp' ? 'WhatsApp shows at most 3, so a list' : 'quick replies';
      print(`  reply   4 buttons sent${receipt.degraded ? ` (degraded: ${shown})` : ''}`);
    } else if (event.content.type === 'choice') {
      await ctx.reply({ type: 'text', text: `You chose "${event.content.title}". Parcel 1042 arrives tomorrow.` });
    }
  });
  emulator.on('sent', (sent) => {
    result.sent.push(`${sent.channel} ${sent.type}`);
    print(`  graph   ${sent.channel} POST /${sent.account}/messages type=${sent.type} → ${sent.id}`);
  });

  const server = createServer(gateway.node);
  await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve));
  emulator.gatewayUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await gateway.start();
  print(
    `gateway on ${emulator.gatewayUrl}/webhooks/{whatsapp,messenger,instagram}, Graph API emulator on ${emulator.url}`,
  );

  try {
    for (const channel of ['whatsapp', 'messenger', 'instagram'] as const) {
      const handshake = await emulator.verifyWebhook(channel);
      print(`Meta checks the ${channel} webhook (hub.challenge): ${handshake.status}`);
    }

    const ada = emulator.customer({ phoneNumberId: PHONE_NUMBER_ID, waId: '31612345678', name: 'Ada' });
    print('\nAda writes "Hallo! Where is my order?"');
    print(`  webhook acknowledged: ${await ada.say('Hallo! Where is my order?')}`);
    const [menu] = await emulator.waitForSent(1);
    await emulator.flush();

    print('\nAda picks "Track my parcel" from the list');
    await ada.choose('track', 'Track my parcel', { list: true, replyTo: menu?.id });
    await emulator.waitForSent(2);
    await emulator.flush();

    for (const [label, customer] of [
      ['Messenger', emulator.messengerCustomer({ account: PAGE_ID, user: '7012345678901234' })],
      ['Instagram', emulator.instagramCustomer({ account: IG_ACCOUNT_ID, user: '6543210987654321' })],
    ] as const) {
      const before = emulator.sent.length;
      print(`\nOn ${label}, a customer writes "Hi, where is my order?"`);
      print(`  webhook acknowledged: ${await customer.say('Hi, where is my order?')}`);
      await emulator.waitForSent(before + 1);
      print(`  the customer taps the quick reply "Track my parcel"`);
      await customer.quickReply('track', 'Track my parcel');
      await emulator.waitForSent(before + 2);
      await emulator.flush();
    }

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
    await store.close();
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
    case 'read':
      return `${event.channel} read up to ${event.upTo}`;
    default:
      return event.type;
  }
}
