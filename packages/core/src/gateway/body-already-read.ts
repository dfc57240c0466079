import { LoketError, loketMessage } from '../errors.js';

/** The `reason` in the answer's JSON body when a body parser ran before Loket (`loket doctor webhook` looks for it). */
export const BODY_ALREADY_READ = 'body-already-read';

/** Who read the body first, as far as the request shows: Express, an unknown node framework, or a fetch host. */
export type BodyReader = 'express' | 'node' | 'fetch';

const FIX: Record<BodyReader, string> = {
  express:
    'Express: mount app.use(gateway.node) before express.json(), or keep the bytes with express.json({ verify: (req, _res, bytes) => { req.rawBody = bytes } })',
  node: "mount gateway.node before any body parser, or hand it the raw bytes as req.rawBody (a Buffer); Fastify parses every body before the handler runs: register Loket's routes in a plugin that parses bodies as a Buffer and passes them as rawBody (examples/fastify)",
  fetch:
    'give gateway.fetch the Request before anything reads it: in Hono do not call c.req.json(), c.req.text() or a validator before gateway.fetch(c.req.raw); in Next.js do not call request.json() first',
};

/**
 * The CONFIG error for a webhook whose body a framework already consumed: the platform signed the raw bytes, and a
 * parsed (re-serialized) body cannot be verified. Its message names the framework when it can and says what to do;
 * it holds no secret, so the HTTP answer carries it (see `errorReply`).
 */
export function bodyAlreadyRead(channel: string, reader: BodyReader, note?: string): LoketError {
  const fix = `${FIX[reader]}${note ? ` (${note})` : ''}`;
  const text = `a body parser read the request body before Loket, so its signature cannot be checked: ${fix}`;
  return new LoketError('CONFIG', loketMessage(channel, text), {
    channel,
    details: { reason: BODY_ALREADY_READ, framework: reader, fix },
  });
}

/** Whether `err` is the error of {@link bodyAlreadyRead}. */
export function isBodyAlreadyRead(err: LoketError): boolean {
  return err.code === 'CONFIG' && err.details?.reason === BODY_ALREADY_READ;
}

let toldStderr = false;

/**
 * Writes the error to stderr once per process, whatever logger the gateway has (even `logger: false`): a body
 * parser in front of Loket loses every webhook, and a silenced logger must not hide that.
 */
export function tellStderrOnce(err: LoketError): void {
  if (toldStderr) return;
  toldStderr = true;
  const stderr = globalThis.process?.stderr;
  if (typeof stderr?.write === 'function') stderr.write(`${err.message}\n`);
  else console.error(err.message); // a host without process.stderr (Workers-style)
}
