import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ChannelAdapter, type ConversationRef, createGateway, type Gateway } from '@loket/core';
import { instagram } from '@loket/instagram';
import { messenger } from '@loket/messenger';
import { createEmulator, type Emulator } from '@loket/testing/kit';
import { afterEach, describe, expect, it } from 'vitest';
import { catchLoketError } from '@loket/testing';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T = Date.UTC(2026, 10, 20, 9, 0, 0);
const options = { appSecret: 'window-secret', verifyToken: 'window-verify', accessToken: 'window-token' };

const CHANNELS = [
  { channel: 'messenger', account: '104857600123456', user: '7012345678901234', adapter: messenger },
  { channel: 'instagram', account: '17841400008460056', user: '6543210987654321', adapter: instagram },
] as const;

let clock = T;
let emulator: Emulator;
let gateway: Gateway;
let server: Server;

afterEach(async () => {
  await gateway.close();
  await new Promise((resolve) => server.close(resolve));
  await emulator.close();
});

async function refusal(send: Promise<unknown>): Promise<string> {
  return (await catchLoketError(send)).code;
}

describe.each(CHANNELS)('the $channel window through createGateway', ({ channel, account, user, adapter }) => {
  it('refuses a plain send 25 h after the last customer message before any HTTP call, accepts human_agent, refuses it after 7 days', async () => {
    clock = T;
    emulator = await createEmulator({ appSecret: options.appSecret, now: () => clock });
    const channelAdapter: ChannelAdapter = adapter({ ...options, apiBaseUrl: emulator.url, graphVersion: 'v25.0' });
    gateway = createGateway({ channels: [channelAdapter], now: () => clock });
    const handled = new Promise<void>((resolve) => gateway.on('message', () => resolve()));
    server = createServer(gateway.node);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    emulator.gatewayUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await gateway.start();

    const customer =
      channel === 'messenger'
        ? emulator.messengerCustomer({ account, user })
        : emulator.instagramCustomer({ account, user });
    expect(await customer.say('Where is my order?')).toBe(200);
    await handled;

    const to: ConversationRef = { channel, account, user };
    const text = { type: 'text', text: 'Your parcel is on its way.' } as const;
    const graphCalls = () => emulator.requests.length;

    clock = T + 25 * HOUR;
    expect(await refusal(gateway.send({ to, content: text }))).toBe('OUTSIDE_WINDOW');
    expect(graphCalls()).toBe(0);

    const receipt = await gateway.send({ to, content: text, tag: 'human_agent' });
    expect(receipt.messageId).toBe(emulator.sent[0]?.id);
    expect(emulator.sent[0]?.body).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });

    clock = T + 7 * DAY + 60_000;
    const before = graphCalls();
    expect(await refusal(gateway.send({ to, content: text, tag: 'human_agent' }))).toBe('OUTSIDE_WINDOW');
    expect(graphCalls()).toBe(before);
  });
});
