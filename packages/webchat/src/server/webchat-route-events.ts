import type { WebchatContext } from './webchat-context.js';
import { toWire } from './webchat-frames.js';
import { json, WebchatHttpError } from './webchat-http.js';
import { authenticate } from './webchat-identity.js';
import { present } from './webchat-present.js';
import { routesBase } from './webchat-signed-url.js';

const WEBCHAT_PREFIX = '/webchat/v1/';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

function seqParam(url: URL, name: string): number | undefined {
  const value = url.searchParams.get(name);
  if (value === null) return undefined;
  if (!/^\d{1,15}$/.test(value)) throw new WebchatHttpError('bad_request', `${name} must be a non-negative integer`);
  return Number(value);
}

/**
 * `GET events?after=|before=&limit=`: catch-up (`after`: the oldest `limit` events above it) and history paging
 * (`before`: the newest `limit` below it; neither: the newest `limit`), always in ascending seq.
 */
export async function getEvents(ctx: WebchatContext, request: Request): Promise<Response> {
  const identity = await authenticate(ctx, request.headers);
  const url = new URL(request.url);
  const after = seqParam(url, 'after');
  const before = seqParam(url, 'before');
  const limit = Math.min(MAX_LIMIT, seqParam(url, 'limit') ?? DEFAULT_LIMIT);
  if (limit === 0) throw new WebchatHttpError('bad_request', 'limit must be at least 1');
  const log = ctx.runtime.store.log;
  const head = await log.head(identity.ref);
  const options = after === undefined && before === undefined ? { before: head + 1, limit } : { after, before, limit };
  const entries = await log.read(identity.ref, options);
  const base = routesBase(request.url, WEBCHAT_PREFIX);
  return json(200, { events: entries.map((e) => present(ctx, toWire(e), base)), head });
}
