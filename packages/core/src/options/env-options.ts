/** Environment variables as a runtime exposes them (`process.env` on Node). */
export type EnvSource = Readonly<Record<string, string | undefined>>;

/**
 * One option's variable: its name, or its name with how to read it when the option is not a plain string
 * (`parse` sees the whole environment, for options built from several variables) and how messages name it.
 */
export type EnvVariable = string | { name: string; parse(value: string, env: EnvSource): unknown; hint?: string };

/** Option → environment variable: `{ appSecret: 'WHATSAPP_APP_SECRET' }`. */
export type EnvNames = Readonly<Record<string, EnvVariable>>;

/** An options type whose env-readable keys may be left out (the factory reads them from the environment). */
export type EnvOptional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

/** `process.env` where there is one; an empty set on runtimes without it (Workers-style hosts). */
export function processEnv(): EnvSource {
  return (globalThis as { process?: { env?: EnvSource } }).process?.env ?? {};
}

/** `('WHATSAPP', 'phoneNumberId')` → `WHATSAPP_PHONE_NUMBER_ID`: the names `loket` and the factories share. */
export function envVariableName(prefix: string, option: string): string {
  return `${prefix}_${option.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}

/** Each option under `<PREFIX>_<OPTION>`: `envNames('WHATSAPP', ['appSecret'])` → `{ appSecret: 'WHATSAPP_APP_SECRET' }`. */
export function envNames(prefix: string, options: readonly string[]): Record<string, string> {
  return Object.fromEntries(options.map((option) => [option, envVariableName(prefix, option)]));
}

/** The variable's name, for messages (`or set WHATSAPP_APP_SECRET`). */
export const envVariable = (variable: EnvVariable): string =>
  typeof variable === 'string' ? variable : (variable.hint ?? variable.name);

/**
 * Fills the options the caller left out (`undefined`) from the environment; an option passed explicitly always
 * wins, and an empty variable counts as unset. Anything that is not an options object is returned as it is, so the
 * schema reports it.
 *
 * @example
 * const input = withEnvOptions(options, envNames('WHATSAPP', ['appSecret', 'verifyToken', 'accessToken']));
 */
export function withEnvOptions(input: unknown, names: EnvNames, env: EnvSource = processEnv()): unknown {
  if (input !== undefined && input !== null && (typeof input !== 'object' || Array.isArray(input))) return input;
  const merged: Record<string, unknown> = { ...(input as Record<string, unknown> | null | undefined) };
  for (const [option, variable] of Object.entries(names)) {
    const text = env[typeof variable === 'string' ? variable : variable.name];
    if (merged[option] !== undefined || text === undefined || text === '') continue;
    merged[option] = typeof variable === 'string' ? text : variable.parse(text, env);
  }
  return merged;
}
