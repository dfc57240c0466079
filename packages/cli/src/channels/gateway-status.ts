/** What a gateway's HTTP answer to a webhook means, and what to do about it. */
export function describeGatewayStatus(status: number, channel: string): { ok: boolean; text: string } {
  if (status >= 200 && status < 300) {
    return { ok: true, text: 'acknowledged: the signature was verified and the webhook is in the inbox' };
  }
  if (status === 401 || status === 403) {
    return {
      ok: false,
      text: `refused: signature invalid. The gateway checks with another app secret: pass --secret or set ${channel.toUpperCase().replace('-', '_')}_APP_SECRET to the one it uses`,
    };
  }
  if (status === 404)
    return { ok: false, text: `refused: the gateway has no ${channel} channel (or another basePath)` };
  if (status === 413) return { ok: false, text: 'refused: the body is larger than the gateway accepts (maxBodyBytes)' };
  if (status === 503)
    return { ok: false, text: 'failed: the store did not take the webhook in time; a platform would retry' };
  if (status === 0)
    return {
      ok: false,
      text: 'failed: the gateway could not be reached; is it running on that URL? (start one with `npx loket dev`)',
    };
  return { ok: false, text: `failed: the gateway answered ${status}` };
}
