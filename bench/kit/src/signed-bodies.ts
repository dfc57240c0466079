import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signMeta, whatsappTextWebhook } from '@loket/testing/kit';

/** The app secret every bench server verifies with (Loket, the bare server and the peers). */
export const APP_SECRET = 'bench-app-secret';
/** The business number of every bench webhook. */
export const PHONE_NUMBER_ID = '106540352242922';

/** One signed WhatsApp text webhook: the raw bytes and their `x-hub-signature-256` value. */
export interface SignedBody {
  body: string;
  signature: string;
  /** The message id (wamid): the event id the gateway dedupes on. */
  id: string;
  /** The customer (wa_id): one conversation. */
  waId: string;
}

/** Options of {@link signedBodies}. */
export interface SignedBodiesOptions {
  /** Distinct customers (conversations) the messages come from, round-robin. */
  users: number;
  /** Makes the ids of this set distinct from other sets (a warm-up set, another round). */
  tag: string;
  /** The message number of the first body (per-conversation order follows it). */
  from?: number;
}

/** `count` distinct WhatsApp text webhooks (no two share a message id), signed as Meta signs them. */
export function signedBodies(count: number, options: SignedBodiesOptions): SignedBody[] {
  const out: SignedBody[] = [];
  const now = Math.floor(Date.now() / 1000);
  const from = options.from ?? 0;
  for (let i = from; i < from + count; i++) {
    const waId = `3161${String(i % options.users).padStart(7, '0')}`;
    const id = `wamid.${options.tag}.${i.toString(36).padStart(8, '0')}`;
    const body = whatsappTextWebhook({
      phoneNumberId: PHONE_NUMBER_ID,
      waId,
      name: `Customer ${i % options.users}`,
      text: `Hello, this is message ${i}: where is my order?`,
      id,
      at: (now + i) * 1000,
    });
    out.push({ body, signature: signMeta(body, APP_SECRET), id, waId });
  }
  return out;
}

/** Body files for wrk's feeding script: one per wrk thread, `signature<TAB>body` per line, removed by `remove()`. */
export interface BodyFiles {
  dir: string;
  /** `<dir>/<set>-<thread>.txt` holds thread `thread`'s share of `set`. */
  set(name: string, bodies: SignedBody[], threads: number): void;
  remove(): void;
}

/** A scratch folder (under the OS temp dir) for {@link BodyFiles}. */
export function bodyFiles(): BodyFiles {
  const dir = mkdtempSync(join(tmpdir(), 'loket-bench-bodies-'));
  return {
    dir,
    set(name, bodies, threads) {
      for (let t = 0; t < threads; t++) {
        const lines: string[] = [];
        for (let i = t; i < bodies.length; i += threads) lines.push(`${bodies[i]!.signature}\t${bodies[i]!.body}`);
        writeFileSync(join(dir, `${name}-${t}.txt`), `${lines.join('\n')}\n`);
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
