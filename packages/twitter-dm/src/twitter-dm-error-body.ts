import { z } from 'zod';

const v1ErrorsSchema = z.looseObject({
  errors: z.array(z.looseObject({ code: z.number().optional(), message: z.string().optional() })).min(1),
});
const problemSchema = z.looseObject({
  title: z.string().optional(),
  detail: z.string().optional(),
  type: z.string().optional(),
  status: z.number().optional(),
});

/** What an X error body says: its numeric code (v1.1 `errors[].code`, or a top-level `code`) and a text. */
export interface XErrorBody {
  platformCode?: number;
  text?: string;
}

/** Reads both X error shapes: v2 problem objects `{title, detail, type}` and v1.1 `{"errors":[{code, message}]}`. */
export function readXErrorBody(body: unknown): XErrorBody {
  const v1 = v1ErrorsSchema.safeParse(body);
  if (v1.success) {
    const coded = v1.data.errors.find((e) => e.code !== undefined) ?? v1.data.errors[0];
    const text = v1.data.errors
      .map((e) => e.message)
      .filter(Boolean)
      .join('; ');
    return { ...(coded?.code === undefined ? {} : { platformCode: coded.code }), ...(text ? { text } : {}) };
  }
  const bare = z.looseObject({ code: z.number(), message: z.string().optional() }).safeParse(body);
  if (bare.success) return { platformCode: bare.data.code, ...(bare.data.message ? { text: bare.data.message } : {}) };
  const problem = problemSchema.safeParse(body);
  if (problem.success) {
    const text = [problem.data.title, problem.data.detail].filter(Boolean).join(': ');
    return text ? { text } : {};
  }
  return typeof body === 'string' && body.trim() !== '' ? { text: body.trim().slice(0, 200) } : {};
}
