import {
  type AdapterRuntime,
  type ChannelAdapter,
  createTransport,
  declareSecrets,
  LoketError,
  loketMessage,
  refuseUndeclared,
  safeLogger,
} from '@loket/core';
import { createAccounts, secretsOf } from './twitter-dm-accounts.js';
import { twitterDmCapabilities } from './twitter-dm-capabilities.js';
import { mapXError } from './twitter-dm-map-error.js';
import {
  downloadXMedia,
  type XDownloadedMedia,
  type XDownloadInput,
  type XUploadInput,
  uploadXMedia,
} from './twitter-dm-media.js';
import { parseTwitterDmOptions, type TwitterDmOptions } from './twitter-dm-options.js';
import { createXPacer } from './twitter-dm-pacing.js';
import { parseTwitterDmWebhook } from './twitter-dm-parse.js';
import { requestXReplay, type XReplayJob, type XReplayRequest } from './twitter-dm-replay.js';
import { sendTwitterDm } from './twitter-dm-send.js';
import { verifyXSignature, xCrcReply } from './twitter-dm-webhook.js';

/** The X DM adapter: a ChannelAdapter plus media upload and download, and the replay helper. */
export interface TwitterDmAdapter extends ChannelAdapter {
  readonly channel: 'twitter-dm';
  /** Uploads media as `account` for a DM (usable for 24 h); answers the media id. */
  uploadMedia(account: string, input: XUploadInput): Promise<string>;
  /** Downloads media a customer sent (`ton.twitter.com` needs authentication). */
  downloadMedia(input: XDownloadInput): Promise<XDownloadedMedia>;
  /** Asks the Account Activity API to replay a time range (needs `bearerToken`). */
  requestReplay(request: XReplayRequest): Promise<XReplayJob>;
}

const DEFAULT_API = 'https://api.x.com';
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The X direct-message adapter: both webhook envelopes (Account Activity API and X Activity API), the CRC
 * handshake, both signature headers, DMs through the v2 endpoints with OAuth 1.0a or OAuth 2.0 user tokens
 * (refreshed once across processes on a 401). Options are checked at construction: a missing secret is `CONFIG`.
 *
 * @example
 * import { createGateway, memoryStore } from '@loket/core';
 * import { twitterDm } from '@loket/twitter-dm';
 *
 * const gateway = createGateway({
 *   channels: [twitterDm({
 *     consumerSecret: process.env.TWITTER_DM_CONSUMER_SECRET!,
 *     credentials: {
 *       kind: 'oauth1',
 *       consumerKey: process.env.X_CONSUMER_KEY!,
 *       consumerSecret: process.env.TWITTER_DM_CONSUMER_SECRET!,
 *       token: process.env.X_ACCESS_TOKEN!,
 *       tokenSecret: process.env.X_ACCESS_TOKEN_SECRET!,
 *     },
 *     userId: process.env.X_USER_ID,
 *   })],
 *   store: memoryStore(),
 * });
 */
export function twitterDm(input: TwitterDmOptions = {}): TwitterDmAdapter {
  const options = parseTwitterDmOptions(input);
  const logger = safeLogger(options.logger);
  const now = options.now ?? Date.now;
  const sleep = options.transport?.sleep ?? defaultSleep;
  const apiBaseUrl = options.apiBaseUrl ?? DEFAULT_API;
  const uploadBaseUrl = options.uploadBaseUrl ?? apiBaseUrl;
  let runtime: AdapterRuntime | undefined;
  // X's answers may quote a token: every error and log line scrubs these, and each refreshed pair (core's registry).
  const secretSet = declareSecrets(...secretsOf(options));
  const accounts = createAccounts({
    options,
    apiBaseUrl,
    runtime: () => runtime,
    now,
    sleep,
    logger,
    secrets: secretSet,
  });
  const pacer = createXPacer(options.limits, () => runtime, now);
  const path = (option: boolean | string, fallback: string): string | false =>
    option === false ? false : option === true ? fallback : option;
  const sendDeps = {
    accounts,
    pacer,
    maxTextLength: options.maxTextLength,
    uploadBaseUrl,
    chunkBytes: options.mediaChunkBytes,
    typingPath: path(options.typing, '/1.1/direct_messages/indicate_typing.json'),
    readPath: path(options.readReceipts, '/1.1/direct_messages/mark_read.json'),
    quickReplies: options.quickReplies,
    sleep,
    now,
    logger,
  };
  const secrets = {
    consumerSecret: options.consumerSecret,
    clientSecret: options.clientSecret,
    requireOAuth2Signature: options.requireOAuth2Signature,
    crcSecret: options.crcSecret,
  };
  const bearer = options.bearerToken;
  const appHttp = createTransport({
    channel: 'twitter-dm',
    baseUrl: apiBaseUrl,
    headers: () => ({ authorization: `Bearer ${bearer ?? ''}` }),
    mapError: (res) => mapXError(res, now()),
    logger,
    ...options.transport,
  });
  const capabilities = twitterDmCapabilities(options);
  return {
    channel: 'twitter-dm',
    capabilities,
    bind(bound) {
      runtime = bound;
    },
    handshake: (req) => xCrcReply(req, secrets),
    verify: (req) => verifyXSignature(req, secrets),
    parse: (req) => parseTwitterDmWebhook(req.body, logger),
    async send(message) {
      // X DMs cannot quote: a replyTo is dropped with a note, not refused (the text still reaches the customer).
      const { replyTo, ...unquoted } = message;
      if (replyTo !== undefined) logger.debug({ replyTo }, '[loket] [twitter-dm] X DMs cannot quote; replyTo ignored');
      refuseUndeclared(unquoted, capabilities, 'twitter-dm');
      return sendTwitterDm(unquoted, sendDeps);
    },
    uploadMedia: (account, file) =>
      accounts
        .get(accounts.resolve(account))
        .call((http) => uploadXMedia(http, file, { uploadBaseUrl, sleep, chunkBytes: options.mediaChunkBytes })),
    downloadMedia: (media) => {
      const account = accounts.get(accounts.resolve(media.account));
      return account.call((http) => downloadXMedia(http, account.kind, media, options.maxDownloadBytes));
    },
    requestReplay: (request) => {
      if (!bearer) {
        const text = 'bearerToken is missing: the replay API needs the app-only Bearer token in twitterDm({...})';
        return Promise.reject(new LoketError('CONFIG', loketMessage('twitter-dm', text), { channel: 'twitter-dm' }));
      }
      return requestXReplay(appHttp, request, now());
    },
  };
}
