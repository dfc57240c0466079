import type { Capabilities, Content, OutboundMessage } from '@loket/core';
import { LoketError } from '@loket/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaptureServer, startCaptureServer } from '../../http/capture-server.js';
import type { AdapterConformanceOptions } from './adapter-conformance-options.js';

const URL_MEDIA = { url: 'https://media.example.test/file' };

/** One sample of each kind of content, with the capability that must be declared for an adapter to send it. */
function undeclared(caps: Capabilities, dropsReplyTo: boolean): { name: string; content: Content; replyTo?: string }[] {
  const out: { name: string; content: Content; replyTo?: string }[] = [];
  const add = (missing: unknown, name: string, content: Content, replyTo?: string) => {
    if (!missing) out.push({ name, content, ...(replyTo ? { replyTo } : {}) });
  };
  add(caps.buttons, 'buttons', { type: 'buttons', text: 'Pick', buttons: [{ id: 'a', title: 'A' }] });
  add(caps.quickReplies, 'quick replies', {
    type: 'buttons',
    style: 'quickReplies',
    text: 'Pick',
    buttons: [{ id: 'a', title: 'A' }],
  });
  add(caps.list, 'a list', {
    type: 'list',
    text: 'Pick',
    button: 'Open',
    sections: [{ rows: [{ id: 'r', title: 'Row' }] }],
  });
  add(caps.cards, 'cards', { type: 'cards', cards: [{ title: 'Card' }] });
  add(caps.templates, 'a template', { type: 'template', name: 'hello_world', language: 'en_US' });
  add(caps.location, 'a location', { type: 'location', latitude: 52.37, longitude: 4.9 });
  add(caps.contacts, 'contact cards', { type: 'contacts', contacts: [{ name: 'Ann' }] });
  add(caps.reactions, 'a reaction', { type: 'reaction', messageId: 'm1', emoji: '👍' });
  add(caps.typing, 'typing', { type: 'typing' });
  add(caps.readReceipts, 'a read receipt', { type: 'read', messageId: 'm1' });
  for (const kind of ['image', 'video', 'audio', 'file', 'sticker'] as const) {
    add(caps.media[kind], `${kind} media`, { type: kind, media: URL_MEDIA } as Content);
  }
  if (caps.media.image) {
    add(caps.mediaSources.url, 'media by URL', { type: 'image', media: URL_MEDIA });
    add(caps.mediaSources.id, 'media by id', { type: 'image', media: { id: 'media-1' } });
  }
  add(caps.replyTo || dropsReplyTo, 'a quoted reply', { type: 'text', text: 'hi' }, 'm0');
  out.push({ name: 'choice (inbound only)', content: { type: 'choice', id: 'a' } as Content });
  return out;
}

/**
 * An adapter refuses, with UNSUPPORTED_CONTENT and before any request, every kind of content its own capabilities
 * do not declare (called directly, without the gateway's content check in front of it).
 */
export function declaredContentCases(o: AdapterConformanceOptions): void {
  describe('content its capabilities do not declare', () => {
    let server: CaptureServer;
    beforeAll(async () => {
      server = await startCaptureServer();
    });
    afterAll(() => server.close());

    it('refuses each one with UNSUPPORTED_CONTENT, before any HTTP request', async () => {
      const adapter = o.create({ apiBaseUrl: server.url });
      const to = o.fixtures.send[0]?.message.to ?? { channel: o.channel, account: 'acc', user: 'user' };
      const problems: string[] = [];
      for (const sample of undeclared(adapter.capabilities, o.dropsReplyTo === true)) {
        server.requests.length = 0;
        const message: OutboundMessage = {
          to,
          content: sample.content,
          ...(sample.replyTo ? { replyTo: sample.replyTo } : {}),
        };
        const error = await Promise.resolve()
          .then(() => adapter.send(message))
          .then(
            () => undefined,
            (err: unknown) => err,
          );
        if (!LoketError.is(error))
          problems.push(`${sample.name}: sent (or threw ${String(error)}) instead of refusing`);
        else if (error.code !== 'UNSUPPORTED_CONTENT')
          problems.push(`${sample.name}: ${error.code}, not UNSUPPORTED_CONTENT`);
        if (server.requests.length > 0) problems.push(`${sample.name}: made ${server.requests.length} request(s)`);
      }
      expect(problems).toEqual([]);
    });
  });
}
