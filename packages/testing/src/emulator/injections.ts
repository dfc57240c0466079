import type { EmulatorReply } from './emulator-channel.js';
import type { Injection } from './emulator-types.js';
import { graphErrorForStatus } from './graph/graph-error.js';

interface Pending {
  injection: Injection;
  left: number;
}

function matches(injection: Injection, method: string, path: string): boolean {
  const { match } = injection;
  if (!match) return true;
  if (match.method && match.method.toUpperCase() !== method) return false;
  if (typeof match.path === 'string') return path.includes(match.path);
  return match.path ? match.path.test(path) : true;
}

/** Canned failures, answered in the order they were added, each for `times` matching requests. */
export class InjectionQueue {
  readonly #pending: Pending[] = [];

  add(injection: Injection): void {
    this.#pending.push({ injection, left: injection.times ?? 1 });
  }

  /** The reply for this request if an injection matches it (and uses one of its turns). */
  take(method: string, path: string): EmulatorReply | undefined {
    const found = this.#pending.find((p) => matches(p.injection, method, path));
    if (!found) return undefined;
    found.left--;
    if (found.left <= 0) this.#pending.splice(this.#pending.indexOf(found), 1);
    const { status, headers, body } = found.injection;
    return { status, headers, json: body === undefined ? graphErrorForStatus(status).body : body };
  }

  clear(): void {
    this.#pending.length = 0;
  }
}
