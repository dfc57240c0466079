import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';

const MAX_BYTES = 64 * 1024;

/** Reads a small JSON request body and checks it; undefined (and a 400 sent) when it does not fit. */
export async function readJson<T>(
  req: IncomingMessage,
  res: ServerResponse,
  schema: z.ZodType<T>,
): Promise<T | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BYTES) {
      sendJson(res, 413, { error: `body larger than ${MAX_BYTES} bytes` });
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch (err) {
    sendJson(res, 400, { error: `body is not JSON: ${(err as Error).message}` });
    return undefined;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    sendJson(res, 400, { error: `${issue?.path.join('.') || 'body'}: ${issue?.message}` });
    return undefined;
  }
  return parsed.data;
}

/** Answers JSON. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
