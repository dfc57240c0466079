// Load generator: where each group of connections goes, per target.
import { webchatClient } from '@loket/testing';
import { WEBCHAT_PROTOCOL } from '@loket/webchat';
import { inParallel } from './pool.js';
import { ORIGIN, type TargetName } from './protocol.js';

/** How the tabs of one group connect: the URL, the offered subprotocols, and the first frame to send. */
export interface Group {
  /** What the server addresses the group by (the contact id on Loket). */
  key: string;
  url: string;
  protocols: string[];
  /** Sent once open (Loket: `{t:'resume', after: head}`); the connection counts as held at the answer. */
  hello?: string;
}

const SESSION_CONCURRENCY = 16;

/**
 * Prepares `count` groups. Baseline: `?g=<n>` on the bare server. Loket: one anonymous visitor per group
 * (`POST session` with the allowed Origin), whose credential every tab of the group offers beside
 * `loket.webchat.v1`, as a browser's tabs share one stored credential.
 */
export async function prepareGroups(target: TargetName, url: string, count: number): Promise<Group[]> {
  const wsBase = url.replace(/^http/, 'ws');
  if (target === 'baseline') {
    return Array.from({ length: count }, (_, i) => ({ key: `g${i}`, url: `${wsBase}/?g=g${i}`, protocols: [] }));
  }
  return inParallel(count, SESSION_CONCURRENCY, async () => {
    const answer = await webchatClient({ url, origin: ORIGIN }).session();
    if (answer.status !== 200)
      throw new Error(`POST session answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    const { credential, contactId, head } = answer.body;
    return {
      key: contactId,
      url: `${wsBase}/webchat/v1/ws`,
      protocols: [WEBCHAT_PROTOCOL, credential],
      hello: JSON.stringify({ t: 'resume', after: head }),
    };
  });
}
