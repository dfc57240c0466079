import { LoketError } from '@loket/core';

/**
 * Runs server calls with the session's credential: a 401 gets one re-authentication (shared by every call that
 * hit it at once), a second 401 or a failed re-authentication signs the customer out.
 */
export class AuthGuard {
  /** Whether the server refused the credential and a fresh token. */
  signedOut = false;
  private reauthing: Promise<boolean> | undefined;

  constructor(
    private readonly openSession: () => Promise<void>,
    private readonly onSignOut: () => void,
  ) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.signedOut) throw new LoketError('AUTH_FAILED', '[loket] [webchat] signed out', { channel: 'webchat' });
    try {
      return await fn();
    } catch (err) {
      if (!LoketError.is(err) || err.code !== 'AUTH_FAILED') throw err;
      if (!(await this.reauth())) throw err;
      try {
        return await fn();
      } catch (again) {
        if (LoketError.is(again) && again.code === 'AUTH_FAILED') this.signOut();
        throw again;
      }
    }
  }

  /** Signs out once: later calls fail at once until {@link AuthGuard.signedOut} is cleared. */
  signOut(): void {
    if (this.signedOut) return;
    this.signedOut = true;
    this.onSignOut();
  }

  private reauth(): Promise<boolean> {
    this.reauthing ??= this.openSession()
      .then(() => true)
      .catch(() => {
        this.signOut();
        return false;
      })
      .finally(() => setTimeout(() => (this.reauthing = undefined), 0));
    return this.reauthing;
  }
}
