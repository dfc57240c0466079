import { describe, expect, it } from 'vitest';
import { Transcript } from './transcript.js';

const agent = { kind: 'agent' as const };
const text = (t: string) => ({ type: 'text' as const, text: t });

describe('Transcript and "message updated" events', () => {
  it('an update keeps the message in its place (seq, time) and changes its reactions and content', () => {
    const transcript = new Transcript();
    transcript.fromLog({ messageId: 'm1', author: agent, content: text('on its way') }, 2, 1_000);
    transcript.fromLog({ messageId: 'm2', author: agent, content: text('anything else?') }, 3, 2_000);
    const change = transcript.fromLog(
      {
        messageId: 'm1',
        author: agent,
        content: text('on its way'),
        reactions: { customer: '❤️' },
        update: { of: 2, reason: 'reaction' },
      },
      4,
      3_000,
    );
    expect(change?.message).toMatchObject({ messageId: 'm1', seq: 2, at: 1_000, reactions: { customer: '❤️' } });
    expect(transcript.all().map((m) => [m.messageId, m.seq])).toEqual([
      ['m1', 2],
      ['m2', 3],
    ]);
    transcript.fromLog(
      { messageId: 'm1', author: agent, content: text('on its way'), update: { of: 4, reason: 'reaction' } },
      5,
      4_000,
    );
    expect(transcript.get(transcript.all()[0]?.key ?? '')).not.toHaveProperty('reactions');
  });

  it('an update of a message it never saw (paged out) shows the message as it now is', () => {
    const transcript = new Transcript();
    const change = transcript.fromLog(
      {
        messageId: 'm9',
        author: agent,
        content: text('old'),
        reactions: { business: '👍' },
        update: { of: 1, reason: 'reaction' },
      },
      7,
      5_000,
    );
    expect(change?.message).toMatchObject({ messageId: 'm9', seq: 7, reactions: { business: '👍' } });
  });
});
