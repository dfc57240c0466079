import type { ChannelId } from '@loket/core';
import type { SentMessage } from './emulator-types.js';

/** A request as channel modules see it. */
export interface EmulatorRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: Uint8Array;
  json: unknown;
}

/** What a channel module answers: JSON (default) or raw bytes. */
export interface EmulatorReply {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
  bytes?: Uint8Array;
}

/** Uploaded (or customer-sent) media the emulator serves back. */
export interface StoredMedia {
  id: string;
  data: Uint8Array;
  mimeType: string;
  filename?: string;
}

/** An async failure `failNextWith` queued for the next accepted message. */
export interface PendingFailure {
  code: number;
  details?: string;
}

/** What the emulator offers its channel modules. */
export interface EmulatorContext {
  readonly baseUrl: string;
  readonly graphVersion: string;
  readonly accessToken: string | undefined;
  /** Milliseconds between automatic status webhooks; undefined when they are off. */
  readonly statusDelayMs: number | undefined;
  readonly media: Map<string, StoredMedia>;
  /** Which channel an account id belongs to (Instagram accounts are registered by their customers). */
  readonly accounts: Map<string, ChannelId>;
  now(): number;
  recordSent(message: SentMessage): void;
  takeFailure(): PendingFailure | undefined;
  /** Runs background work (status webhooks) that `emulator.flush()` waits for. */
  background(task: () => Promise<unknown>): void;
  /** Signs and POSTs a webhook body to the gateway; resolves with its HTTP status. */
  deliver(channel: ChannelId, kind: string, body: unknown): Promise<number>;
}

/** One platform the emulator speaks. Adding Messenger or X is adding one of these. */
export interface EmulatorChannel {
  readonly channel: ChannelId;
  /** Answers a request of this platform's API, or undefined when the request is not one. */
  handle(req: EmulatorRequest, ctx: EmulatorContext): Promise<EmulatorReply | undefined>;
  /** Serializes a webhook body exactly as the platform does (Meta: compact JSON with `\u` escapes). */
  serialize(value: unknown): string;
  /** The platform's headers for a webhook body, its signature included (Meta: `x-hub-signature-256`). */
  webhookHeaders(body: string, secrets: { appSecret: string }): Record<string, string>;
  /** The subscription check the platform sends to a webhook URL, and the body a correct gateway answers. */
  handshake(webhookUrl: string, verifyToken: string): { url: string; expectedBody: string };
}
