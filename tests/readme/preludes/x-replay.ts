// Prelude `x-replay`: `x`, an X adapter with a bearer token whose API is a local server answering as X's replay
// endpoint does; the `webhookId` and an `outageStart` an hour ago.
import { startCaptureServer as xReplayPreludeCapture } from '@loket/testing/kit';
import { twitterDm as xReplayPreludeTwitterDm } from '@loket/twitter-dm';

const xReplayPreludeApi = await xReplayPreludeCapture({
  status: 200,
  body: { data: { job_id: '1095098195724558337' } },
});
export const x = xReplayPreludeTwitterDm({
  consumerSecret: 'readme-consumer-secret',
  credentials: {
    kind: 'oauth1',
    consumerKey: 'ck',
    consumerSecret: 'readme-consumer-secret',
    token: 't',
    tokenSecret: 'ts',
  },
  bearerToken: 'readme-bearer',
  apiBaseUrl: xReplayPreludeApi.url,
});
export const webhookId = '1234567890';
export const outageStart = Date.now() - 60 * 60_000;
