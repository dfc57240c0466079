import { LoketError, loketMessage } from '../errors.js';
import type { Capabilities } from '../model/capabilities.js';
import type { Content } from '../model/content.js';
import type { PendingChoices } from '../store/store.js';
import { type LengthUnit, measure, truncate } from './measure.js';

/** Why content does not fit a form: the code a strict send is refused with, and a sentence saying what. */
export interface Misfit {
  code: 'UNSUPPORTED_CONTENT' | 'CONTENT_LIMIT';
  reason: string;
}

/** The state of one `fitContent` call, shared by the per-kind fitters. */
export interface FitContext {
  readonly caps: Capabilities;
  readonly channel: string;
  readonly strict: boolean;
  readonly now: number;
  degraded: boolean;
  pendingChoices?: PendingChoices;
}

/** Builds the error a content check throws. */
export function contentError(ctx: FitContext, misfit: Misfit): LoketError {
  return new LoketError(misfit.code, loketMessage(ctx.channel, misfit.reason), {
    channel: ctx.channel,
    retryable: false,
  });
}

/** Content that cannot be sent on this channel in any form: refused, strict or not. */
export function refuse(ctx: FitContext, misfit: Misfit): never {
  throw contentError(ctx, misfit);
}

/** Records that the content had to change; with `strict: true` refuses instead. */
export function degrade(ctx: FitContext, misfit: Misfit): void {
  if (ctx.strict) {
    throw contentError(ctx, { ...misfit, reason: `${misfit.reason} (refused because strict: true)` });
  }
  ctx.degraded = true;
}

/** Shortens a label over `max` with an ellipsis (a degradation); `what` names it in the strict refusal. */
export function clip(ctx: FitContext, text: string, max: number, what: string, unit: LengthUnit = 'chars'): string {
  if (measure(text, unit) <= max) return text;
  degrade(ctx, { code: 'CONTENT_LIMIT', reason: `${what} "${text}" is longer than ${max} ${unit}` });
  return truncate(text, max, unit);
}

/** Either a form of the content the channel can render, or why it cannot. */
export type FormResult = { parts: Content[] } | { misfit: Misfit };

/** True when a form result carries parts. */
export function fits(result: FormResult): result is { parts: Content[] } {
  return 'parts' in result;
}
