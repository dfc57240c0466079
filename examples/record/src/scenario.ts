import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type ConversationRef,
  createGateway,
  type EraseResult,
  type HistoryEntry,
  memoryStore,
  type SlaReport,
  slaReport,
} from '@loket/core';
import { messenger } from '@loket/messenger';
import { createEmulator } from '@loket/testing/kit';
import { whatsapp } from '@loket/whatsapp';

const APP_SECRET = 'example-app-secret';
const PHONE_NUMBER_ID = '106540352242922';
const PAGE_ID = '104857600123456';
const TARGET = { percent: 90, withinSeconds: 300 };

/** What the scenario ends with, for the test and the summary. */
export interface RecordResult {
  history: HistoryEntry[];
  report: SlaReport;
  erased: EraseResult;
  afterErase: number;
}

/**
 * Ada writes on WhatsApp and then on Messenger; the bot answers until she asks for a person, then hands the
 * Messenger conversation over (thread control passes to the Page inbox) and stops answering; agent Sam replies.
 * Both conversations belong to contact `ada`: her history reads in time order across channels, the service level
 * comes from it, and finally she asks to be forgotten.
 */
export async function runRecordScenario(print: (line: string) => void): Promise<RecordResult> {
  const emulator = await createEmulator({ appSecret: APP_SECRET, verifyToken: 'v', autoStatuses: true });
  const secrets = { appSecret: APP_SECRET, verifyToken: 'v', accessToken: 'token', apiBaseUrl: emulator.url };
  const gateway = createGateway({
    channels: [whatsapp(secrets), messenger(secrets)],
    store: memoryStore(),
    sla: { target: TARGET },
  });
  gateway.on(
    'message',
    async (event, ctx) => {
      const text = event.content.type === 'text' ? event.content.text : '';
      if (/person|human/i.test(text)) {
        await ctx.reply({ type: 'text', text: 'I will get a colleague for you.' });
        const result = await gateway.handoff(ctx.conversation, { to: 'human', reason: 'asked for a person' });
        print(`  handoff ${ctx.conversation.channel}: ${result.from} → ${result.to}`);
      } else await ctx.reply({ type: 'text', text: 'Your parcel arrives tomorrow.' });
    },
    { when: 'bot' },
  );
  gateway.on('handover', (event) => print(`  event   handover ${event.action} ${event.from} → ${event.to}`));
  // Customer messages handled so far, so the story waits for the worker before the agent answers.
  let handled = 0;
  const waiters: (() => void)[] = [];
  gateway.on('message', () => {
    handled += 1;
    for (const wake of waiters.splice(0)) wake();
  });
  const handledAtLeast = async (n: number) => {
    while (handled < n) await new Promise<void>((resolve) => waiters.push(resolve));
  };

  const server = createServer(gateway.node);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  emulator.gatewayUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await gateway.start();
  try {
    const wa: ConversationRef = { channel: 'whatsapp', account: PHONE_NUMBER_ID, user: '31612345678' };
    const ms: ConversationRef = { channel: 'messenger', account: PAGE_ID, user: '7012345678901234' };
    print('Ada writes on WhatsApp: "Where is my parcel?"');
    await emulator.customer({ phoneNumberId: PHONE_NUMBER_ID, waId: wa.user, name: 'Ada' }).say('Where is my parcel?');
    await emulator.waitForSent(1);
    print('Ada writes on Messenger: "Can I talk to a person?"');
    const onMessenger = emulator.messengerCustomer({ account: PAGE_ID, user: ms.user });
    await onMessenger.say('Can I talk to a person?');
    await emulator.waitForSent(2);
    await onMessenger.say('It is about a refund.');
    await handledAtLeast(3);
    print('Agent Sam answers on Messenger (the bot stays quiet: a human has the conversation)');
    await gateway.send(
      { to: ms, content: { type: 'text', text: 'Hi Ada, Sam here. I have started your refund.' } },
      { author: { kind: 'agent', id: 'sam' } },
    );
    await emulator.flush();

    for (const ref of [wa, ms]) await gateway.contacts.link('ada', ref);
    const history = await gateway.contacts.history('ada');
    print('\nAda across channels, in time order:');
    for (const e of history.filter((x) => x.kind === 'message' || x.kind === 'handover')) {
      const d = e.data as { author?: { kind: string; id?: string }; content?: { text?: string }; to?: string };
      const who = d.author ? `${d.author.kind}${d.author.id ? ` ${d.author.id}` : ''}` : `handover to ${d.to}`;
      print(`  ${e.conversation.channel.padEnd(9)} ${who.padEnd(16)} ${d.content?.text ?? ''}`);
    }
    const report = slaReport(history, { target: TARGET });
    print(`\nFirst response: ${report.answeredWithin} of ${report.answered} within 300 s, p50 ${report.p50} s`);

    const exported = await gateway.privacy.export('ada');
    print(`Export: ${exported.conversations.length} conversations, ${history.length} history entries`);
    const erased = await gateway.privacy.erase('ada');
    print(`Erased: ${erased.erased.log} log entries; tombstone ${erased.tombstone.slice(0, 24)}…`);
    const afterErase = (await gateway.history(wa)).length + (await gateway.history(ms)).length;
    return { history, report, erased, afterErase };
  } finally {
    await gateway.close();
    await new Promise((resolve) => server.close(resolve));
    await emulator.close();
  }
}
