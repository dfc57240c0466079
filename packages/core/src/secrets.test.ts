import { describe, expect, it } from 'vitest';
import { LoketError, toLoketError } from './errors.js';
import { safeLogger } from './logger.js';
import { declareSecrets, scrubSecrets } from './secrets.js';
import { recordingLogger } from './test-support/test-harness.js';

describe('declared secrets', () => {
  it('are scrubbed from LoketError messages and details, whoever builds the error', () => {
    const secrets = declareSecrets('EAAG-secret-token-1', 'app-secret-value');
    try {
      const err = new LoketError('AUTH_FAILED', 'Malformed access token EAAG-secret-token-1', {
        details: { said: { text: 'key app-secret-value' }, list: ['EAAG-secret-token-1'] },
      });
      expect(JSON.stringify(err.toJSON())).not.toMatch(/EAAG-secret-token-1|app-secret-value/);
      expect(err.message).toBe('Malformed access token [redacted]');
      expect(toLoketError(new Error('boom EAAG-secret-token-1'), 'NETWORK').message).not.toContain('EAAG');
    } finally {
      secrets.forget();
    }
  });

  it('are redacted by the logger in messages, fields and errors, not only under secret-looking keys', () => {
    const secrets = declareSecrets('verify-me-please');
    try {
      const lines = recordingLogger();
      const logger = safeLogger(lines);
      logger.warn({ note: 'got verify-me-please', err: new Error('x verify-me-please') }, 'saw verify-me-please');
      expect(JSON.stringify(lines.lines)).not.toContain('verify-me-please');
    } finally {
      secrets.forget();
    }
  });

  it('are redacted once however often the logger is wrapped, and a level the logger does not write is skipped', () => {
    const secrets = declareSecrets('verify-me-please');
    try {
      const lines = recordingLogger();
      const pinoLike = Object.assign(lines, { isLevelEnabled: (level: string) => level !== 'debug' });
      const logger = safeLogger(safeLogger(pinoLike));
      expect(safeLogger(logger)).toBe(logger);
      logger.debug({ note: 'verify-me-please' }, 'not written');
      logger.info({ note: 'verify-me-please' }, 'written');
      expect(lines.lines.map((l) => [l.level, l.msg])).toEqual([['info', 'written']]);
      expect(JSON.stringify(lines.lines)).not.toContain('verify-me-please');
    } finally {
      secrets.forget();
    }
  });

  it('include refreshed tokens, in their URL-encoded and JSON-escaped forms too', () => {
    const secrets = declareSecrets();
    secrets.add('refreshed/token+1"x');
    try {
      const text = `a refreshed/token+1"x b ${encodeURIComponent('refreshed/token+1"x')} c ${JSON.stringify('refreshed/token+1"x')}`;
      expect(scrubSecrets(text)).not.toMatch(/refreshed/);
    } finally {
      secrets.forget();
    }
    expect(scrubSecrets('refreshed/token+1"x')).toBe('refreshed/token+1"x');
  });

  it('leave values too short to be secrets alone', () => {
    const secrets = declareSecrets('abc');
    try {
      expect(scrubSecrets('abc def')).toBe('abc def');
    } finally {
      secrets.forget();
    }
  });
});
