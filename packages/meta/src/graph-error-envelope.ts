import { z } from 'zod';

const numeric = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);

/**
 * The Graph error body: `{ error: { message, type, code, error_subcode?, error_data?, fbtrace_id } }`.
 * Everything but `code` is optional: the fields vary by product and version, and a strict schema here would
 * turn a platform error into a parsing error.
 */
export const graphErrorEnvelopeSchema = z.object({
  error: z
    .object({
      message: z.string().optional(),
      type: z.string().optional(),
      code: numeric,
      error_subcode: numeric.optional(),
      error_user_title: z.string().optional(),
      error_user_msg: z.string().optional(),
      // WhatsApp: { messaging_product, details }; some Graph endpoints send a JSON string instead.
      error_data: z.unknown().optional(),
      is_transient: z.boolean().optional(),
      fbtrace_id: z.string().optional(),
    })
    .loose(),
});
/** A parsed Graph error body. */
export type GraphErrorEnvelope = z.infer<typeof graphErrorEnvelopeSchema>;

/** The `details` text Meta puts in `error_data` (WhatsApp), when there is one. */
export function graphErrorDetails(errorData: unknown): string | undefined {
  if (typeof errorData === 'object' && errorData !== null && 'details' in errorData) {
    const details = (errorData as { details?: unknown }).details;
    return typeof details === 'string' && details.length > 0 ? details : undefined;
  }
  return undefined;
}
