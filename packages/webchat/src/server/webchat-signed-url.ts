import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a download link works. */
export const DOWNLOAD_TTL_MS = 60 * 60 * 1000;

function signature(secret: string, id: string, exp: number): string {
  return createHmac('sha256', `loket-webchat-attachments:${secret}`).update(`${id}.${exp}`).digest('base64url');
}

/** A signed, expiring download URL for an attachment, under the web chat's routes at `base`. */
export function signedDownloadUrl(base: string, secret: string, id: string, nowMs: number): string {
  const exp = Math.floor((nowMs + DOWNLOAD_TTL_MS) / 1000);
  return `${base}attachments/${id}?exp=${exp}&sig=${signature(secret, id, exp)}`;
}

/** Whether a download link is genuine and not expired. */
export function checkDownload(secret: string, id: string, url: URL, nowMs: number): 'ok' | 'expired' | 'invalid' {
  const exp = Number(url.searchParams.get('exp'));
  const given = Buffer.from(url.searchParams.get('sig') ?? '');
  const expected = Buffer.from(signature(secret, id, exp));
  if (!Number.isInteger(exp) || given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  return exp * 1000 < nowMs ? 'expired' : 'ok';
}

/** The URL of the web chat's routes (`<origin><basePath>/webchat/v1/`) as seen in a request to one of them. */
export function routesBase(requestUrl: string, prefix: string): string {
  const url = new URL(requestUrl);
  const at = url.pathname.indexOf(prefix);
  return `${url.origin}${url.pathname.slice(0, at)}${prefix}`;
}
