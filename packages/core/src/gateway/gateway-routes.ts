/** Where a request path leads: a channel's webhook route, or nowhere of ours. */
export type RouteMatch = { kind: 'webhook'; channel: string } | { kind: 'none' };

/**
 * Matches `<basePath>/webhooks/<channel>` (a trailing slash is allowed). The channel segment is returned as is;
 * whether an adapter serves it is the caller's question.
 */
export function matchRoute(pathname: string, basePath: string): RouteMatch {
  const prefix = `${basePath}/webhooks/`;
  if (!pathname.startsWith(prefix)) return { kind: 'none' };
  const rest = pathname.slice(prefix.length).replace(/\/$/, '');
  if (rest === '' || rest.includes('/')) return { kind: 'none' };
  // Channel ids are plain path segments: no decoding, so a malformed escape simply matches no channel.
  return { kind: 'webhook', channel: rest };
}

/** The path part of a request URL, which may be absolute (fetch) or a path (node:http). */
export function pathOf(url: string): string {
  const start = url.indexOf('://');
  const afterHost = start === -1 ? 0 : url.indexOf('/', start + 3);
  if (afterHost === -1) return '/';
  const path = url.slice(afterHost);
  const end = path.search(/[?#]/);
  return end === -1 ? path : path.slice(0, end);
}
