import type { Logger } from '@loket/core';

/** A logger that keeps every line (as JSON) for the leak and no-crash properties, and the error lines apart. */
export function captureLogger(): { logger: Logger; lines: string[]; errorLines: string[] } {
  const lines: string[] = [];
  const errorLines: string[] = [];
  const log =
    (level: keyof Logger) =>
    (obj: Record<string, unknown>, msg?: string): void => {
      const line = JSON.stringify({ level, msg, obj });
      lines.push(line);
      if (level === 'error') errorLines.push(line);
    };
  return {
    logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    lines,
    errorLines,
  };
}
