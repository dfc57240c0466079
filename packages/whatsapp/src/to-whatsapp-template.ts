import type { ContentOf } from '@loket/core';

type Parameter = string | Record<string, unknown>;

/**
 * A message template. `parameters` as an array are positional body parameters, as a record named ones
 * (`parameter_name`), and `{ components }` is passed through unchanged for headers, buttons and the rest.
 * A string becomes `{ type: 'text', text }`; an object is already in Meta's shape (`currency`, `date_time`, …).
 */
export function toWhatsAppTemplate(content: ContentOf<'template'>): Record<string, unknown> {
  const template: Record<string, unknown> = { name: content.name, language: { code: content.language } };
  const components = templateComponents(content.parameters);
  if (components) template.components = components;
  return { type: 'template', template };
}

function templateComponents(p: ContentOf<'template'>['parameters']): unknown[] | undefined {
  if (p === undefined) return undefined;
  if ('components' in p && Array.isArray(p.components)) return p.components;
  const parameters = Array.isArray(p)
    ? p.map((value) => parameter(value))
    : Object.entries(p as Record<string, Parameter>).map(([name, value]) => parameter(value, name));
  return parameters.length > 0 ? [{ type: 'body', parameters }] : undefined;
}

function parameter(value: Parameter, name?: string): Record<string, unknown> {
  const named = name === undefined ? {} : { parameter_name: name };
  return typeof value === 'string' ? { type: 'text', ...named, text: value } : { ...value, ...named };
}
