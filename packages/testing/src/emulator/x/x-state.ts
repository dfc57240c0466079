/** One media upload in progress or done. */
export interface XUpload {
  id: string;
  mimeType: string;
  totalBytes: number;
  category: string;
  segments: number;
  finalized: boolean;
  /** Status checks left before a video is `succeeded`. */
  pendingChecks: number;
}

/** What the X module of one emulator remembers. */
export interface XState {
  uploads: Map<string, XUpload>;
  /** Users whose DM settings (or a block) refuse messages: sends to them get error 349. */
  blocked: Set<string>;
  /** Access tokens X no longer accepts (expired or revoked): requests with them get 401. */
  expiredTokens: Set<string>;
  /** Refresh tokens already used once; using one again revokes its whole family, like X. */
  usedRefreshTokens: Set<string>;
  refreshes: number;
}

/** Fresh state for one emulator. */
export function xState(): XState {
  return {
    uploads: new Map(),
    blocked: new Set(),
    expiredTokens: new Set(),
    usedRefreshTokens: new Set(),
    refreshes: 0,
  };
}
