/** Options of {@link metaJson}. */
export interface MetaJsonOptions {
  /** Escape `/` as `\/` the way Meta's encoder does (default true). */
  escapeSlashes?: boolean;
}

const NON_ASCII = /[\u0080-\uffff]/g;

/**
 * Serializes a value the way Meta's webhooks are serialized: compact JSON, every non-ASCII UTF-16 unit escaped as
 * `\uXXXX` in lowercase hex (emoji become surrogate pairs), `/` escaped as `\/`. Meta signs exactly these bytes, so
 * a body built with `metaJson` and signed with `signMeta` is byte-for-byte what a gateway receives in production.
 *
 * @example
 * metaJson({ text: 'café 😀' }) // '{"text":"caf\u00e9 \ud83d\ude00"}'
 */
export function metaJson(value: unknown, options: MetaJsonOptions = {}): string {
  const json = JSON.stringify(value).replace(NON_ASCII, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  // Outside strings JSON has no `/`, so a plain replace only touches string contents.
  return options.escapeSlashes === false ? json : json.replaceAll('/', '\\/');
}
