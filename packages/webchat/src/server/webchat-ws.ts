import type { SocketConnection, SocketDecision, SocketRoute } from '@loket/core';
import { z } from 'zod';
import type { WebchatContext } from './webchat-context.js';
import { errorBody, WebchatHttpError } from './webchat-http.js';
import { identityOf, type WebchatIdentity } from './webchat-identity.js';
import { checkOrigin } from './webchat-origin.js';
import { routesBase } from './webchat-signed-url.js';
import { openStream, type StreamControl, type StreamSink } from './webchat-stream.js';

/** The WebSocket subprotocol of this protocol version; the credential is the other offered protocol. */
export const WEBCHAT_PROTOCOL = 'loket.webchat.v1';
// How long a new socket waits for `{t:'resume'}` before it starts at the head.
const RESUME_WAIT_MS = 500;

const clientFrame = z.discriminatedUnion('t', [
  z.object({ t: z.literal('resume'), after: z.number().int().nonnegative() }),
  z.object({ t: z.literal('ping') }),
]);

function refusal(err: WebchatHttpError): SocketDecision {
  return { accept: false, status: err.status, headers: err.headers, body: errorBody(err) };
}

function sinkOf(ctx: WebchatContext, connection: SocketConnection): StreamSink {
  return {
    send(frame) {
      if (connection.bufferedAmount > ctx.options.limits.bufferedBytes) return false;
      connection.send(JSON.stringify(frame));
      return true;
    },
    close(reason) {
      // A slow client's buffer is full: a closing handshake would queue behind it.
      if (reason === 'slow') connection.terminate();
      else if (reason === 'revoked') connection.close(4401, 'credential revoked');
      else connection.close(1011, 'stream failed');
    },
  };
}

function serve(ctx: WebchatContext, identity: WebchatIdentity, connection: SocketConnection, base: string): void {
  const sink = sinkOf(ctx, connection);
  let control: StreamControl | undefined;
  const early: string[] = [];
  let closed = false;
  const onFrame = (text: string) => {
    let frame: z.infer<typeof clientFrame>;
    try {
      const parsed = clientFrame.safeParse(JSON.parse(text));
      if (!parsed.success) return;
      frame = parsed.data;
    } catch {
      return;
    }
    if (frame.t === 'ping') sink.send({ t: 'hb' });
    else control?.resume(frame.after);
  };
  connection.onMessage((text) => (control ? onFrame(text) : early.push(text)));
  connection.onClose(() => {
    closed = true;
    control?.stop();
  });
  openStream(ctx, identity, sink, { waitForResumeMs: RESUME_WAIT_MS, base }).then(
    (opened) => {
      control = opened;
      if (closed) opened.stop();
      for (const text of early.splice(0)) onFrame(text);
    },
    () => connection.close(1011, 'stream failed'),
  );
}

/**
 * The `ws` route: Origin and credential (offered as a subprotocol beside `loket.webchat.v1`, never in the URL)
 * are checked before the handshake; frames above `frameBytes` close the socket with 1009.
 */
export function webchatSocketRoute(path: string, context: () => WebchatContext): SocketRoute {
  return {
    path,
    get maxPayload() {
      return context().options.limits.frameBytes;
    },
    async decide(request) {
      try {
        const ctx = context();
        checkOrigin(request.headers, ctx.options.allowedOrigins);
        const offered = (request.headers.get('sec-websocket-protocol') ?? '').split(',').map((p) => p.trim());
        if (!offered.includes(WEBCHAT_PROTOCOL)) {
          throw new WebchatHttpError('bad_request', `offer the subprotocol ${WEBCHAT_PROTOCOL} and the credential`);
        }
        const credential = offered.find((p) => p !== WEBCHAT_PROTOCOL && p !== '');
        if (credential === undefined)
          throw new WebchatHttpError('unauthorized', 'offer the credential as a subprotocol');
        const identity = await identityOf(ctx, credential);
        const base = routesBase(request.url.replace(/^ws/, 'http'), '/webchat/v1/');
        return {
          accept: true,
          protocol: WEBCHAT_PROTOCOL,
          open: (connection) => serve(ctx, identity, connection, base),
        };
      } catch (err) {
        if (err instanceof WebchatHttpError) return refusal(err);
        throw err;
      }
    },
  };
}
