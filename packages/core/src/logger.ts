import { scrubSecrets } from './secrets.js';

/** A structured logger; pino's `Logger` fits as it is. Each method takes an object, then a message. */
export interface Logger {
  debug(obj: Record<string, unknown>, msg?: string): void;
  info(obj: Record<string, unknown>, msg?: string): void;
  warn(obj: Record<string, unknown>, msg?: string): void;
  error(obj: Record<string, unknown>, msg?: string): void;
}

const noop = (): void => {};

/** A logger that says nothing (`createGateway({ logger: false })`, and adapters used on their own). */
export const silentLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop };

function stderrLine(level: 'warn' | 'error', obj: Record<string, unknown>, msg: string | undefined): void {
  let fields: string;
  try {
    fields = JSON.stringify(obj);
  } catch {
    fields = '{}'; // a cycle: the message alone still says what happened
  }
  console.error(`${level}: ${msg ?? ''}${fields === '{}' ? '' : ` ${fields}`}`);
}

/**
 * The gateway's default logger: warnings and errors, one line each on stderr (through `console.error`, so it works
 * on every host); debug and info say nothing. Pass a pino-compatible logger to replace it, `false` to silence it.
 */
export const stderrLogger: Logger = {
  debug: noop,
  info: noop,
  warn: (obj, msg) => stderrLine('warn', obj, msg),
  error: (obj, msg) => stderrLine('error', obj, msg),
};

const SECRET_KEY = /secret|token|authorization|signature|password|cookie|api[-_]?key|proof/i;
const BEARER = /\b(Bearer|OAuth)\s+[A-Za-z0-9._~+/=-]+/g;
const REDACTED = '[redacted]';

/**
 * Returns a copy of `value` with secrets replaced: values under secret-looking keys, bearer tokens in strings, and
 * every secret an adapter declared (`declareSecrets`) wherever it appears.
 */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubSecrets(value).replace(BEARER, `$1 ${REDACTED}`);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Error) {
    return { name: value.name, message: redact(value.message), code: (value as { code?: unknown }).code };
  }
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = SECRET_KEY.test(key) ? REDACTED : redact(v, depth + 1);
  return out;
}

/** Loggers that {@link safeLogger} made: wrapping one again would redact every line twice. */
const safe = new WeakSet<Logger>();

/**
 * Wraps a logger so that nothing it writes carries a secret or a token. A level the logger does not write (one of
 * our silent methods, or pino's `isLevelEnabled` says no) costs no redaction: a debug line per webhook stays cheap.
 */
export function safeLogger(logger: Logger | undefined): Logger {
  if (!logger) return silentLogger;
  if (safe.has(logger)) return logger;
  const enabled = (logger as { isLevelEnabled?: (level: string) => boolean }).isLevelEnabled?.bind(logger);
  const wrap = (level: keyof Logger) => {
    if (logger[level] === noop) return noop;
    return (obj: Record<string, unknown>, msg?: string): void => {
      if (enabled && !enabled(level)) return;
      logger[level](redact(obj) as Record<string, unknown>, msg === undefined ? undefined : (redact(msg) as string));
    };
  };
  const wrapped: Logger = { debug: wrap('debug'), info: wrap('info'), warn: wrap('warn'), error: wrap('error') };
  safe.add(wrapped);
  return wrapped;
}
