import { LoketError, loketMessage } from '@loket/core';

/** Where the Graph API lives. */
export const DEFAULT_GRAPH_BASE_URL = 'https://graph.facebook.com';
/** The Graph version WhatsApp's current examples use (v25.0, released 2026-02-18); configurable per adapter. */
export const DEFAULT_GRAPH_VERSION = 'v25.0';
/** A Graph API version: `v25.0`. */
export const GRAPH_VERSION_PATTERN = /^v\d{1,3}\.\d{1,2}$/;

/** Where to reach the Graph API: a base URL (the emulator or a test server) and a version. */
export interface GraphUrlOptions {
  apiBaseUrl?: string;
  graphVersion?: string;
  /** Names the caller in error messages. */
  channel?: string;
}

/**
 * The versioned Graph base URL, without a trailing slash: `https://graph.facebook.com/v25.0`. Throws `CONFIG`
 * for a version that is not `vNN.N` or a base URL that is not http(s).
 *
 * @example
 * graphBaseUrl({ graphVersion: 'v26.0' }); // 'https://graph.facebook.com/v26.0'
 */
export function graphBaseUrl(options: GraphUrlOptions = {}): string {
  const version = options.graphVersion ?? DEFAULT_GRAPH_VERSION;
  if (!GRAPH_VERSION_PATTERN.test(version)) {
    throw new LoketError(
      'CONFIG',
      loketMessage(options.channel, `graphVersion "${version}" is not a Graph API version: use the form v25.0`),
      { channel: options.channel },
    );
  }
  const base = options.apiBaseUrl ?? DEFAULT_GRAPH_BASE_URL;
  if (!isHttpUrl(base)) {
    throw new LoketError(
      'CONFIG',
      loketMessage(options.channel, `apiBaseUrl "${base}" is not an http(s) URL: use e.g. http://127.0.0.1:4010`),
      { channel: options.channel },
    );
  }
  return `${base.replace(/\/+$/, '')}/${version}`;
}

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}
