import type { EmulatorReply } from '../emulator-channel.js';

/** A v1.1-style error answer, as X's DM endpoints give them (`{"errors":[{code, message}]}`). */
export function xCodeError(
  status: number,
  code: number,
  message: string,
  headers?: Record<string, string>,
): EmulatorReply {
  return { status, json: { errors: [{ code, message }] }, ...(headers ? { headers } : {}) };
}

/** A v2 problem answer (`{title, detail, type, status}`). */
export function xProblem(status: number, title: string, detail = title): EmulatorReply {
  return { status, json: { title, detail, type: 'about:blank', status } };
}

/** X's 429: the 15-minute window used up (and, with `userCap`, the 24-hour user cap too), resets in unix seconds. */
export function x429(now: number, options: { resetInSeconds?: number; userCap?: boolean } = {}): EmulatorReply {
  const reset = String(Math.ceil(now / 1000) + (options.resetInSeconds ?? 1));
  const headers: Record<string, string> = {
    'x-rate-limit-limit': '200',
    'x-rate-limit-remaining': '0',
    'x-rate-limit-reset': reset,
    ...(options.userCap
      ? {
          'x-user-limit-24hour-limit': '1000',
          'x-user-limit-24hour-remaining': '0',
          'x-user-limit-24hour-reset': reset,
        }
      : {}),
  };
  return { status: 429, headers, json: { errors: [{ code: 88, message: 'Rate limit exceeded' }] } };
}
